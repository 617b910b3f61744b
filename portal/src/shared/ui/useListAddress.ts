import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';

/** yes / no / either, as the APIs' optional boolean filters. */
export const asBoolean = (value: string | null): boolean | undefined => (value === 'true' ? true : value === 'false' ? false : undefined);

/**
 * A list's search, filters and page kept in the address, so a search can be bookmarked and shared with a colleague.
 * The search box is typed freely and applied on submit (`q`); a filter applies at once and goes back to page 1;
 * `dependents` names the filters that only make sense under another one (a district under its region).
 */
export function useListAddress(filterNames: readonly string[], dependents: Readonly<Record<string, readonly string[]>> = {}) {
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const [typed, setTyped] = useState(search);
  useEffect(() => setTyped(search), [search]);

  function change(name: string, value: string) {
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(name, value);
      else next.delete(name);
      for (const dependent of dependents[name] ?? []) next.delete(dependent);
      next.delete('page');
      return next;
    });
  }

  return {
    params,
    search,
    typed,
    setTyped,
    page: Math.max(1, Number(params.get('page')) || 1),
    /** Whether the list shows a search or filter result (its empty state then says "no match", not "none yet"). */
    filtered: search !== '' || filterNames.some((name) => params.get(name)),
    change,
    submitSearch(event: FormEvent) {
      event.preventDefault();
      change('q', typed.trim());
    },
    clear() {
      setTyped('');
      setParams(new URLSearchParams());
    },
    goToPage(page: number) {
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.set('page', String(page));
        return next;
      });
    },
  };
}
