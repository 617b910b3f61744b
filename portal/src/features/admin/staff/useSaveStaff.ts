import { useQueryClient } from '@tanstack/react-query';
import { adminKeys, type StaffDetails } from '../api';

/** After a write that answers the whole person: show it at once, and refresh the lists that show them. */
export function useSavedPerson() {
  const queries = useQueryClient();
  return async (person: StaffDetails) => {
    queries.setQueryData(adminKeys.person(person.id), person);
    await queries.invalidateQueries({ queryKey: adminKeys.staff, predicate: (query) => query.queryKey[2] !== 'person' });
  };
}
