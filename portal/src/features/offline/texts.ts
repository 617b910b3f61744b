import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { inLanguage } from '../../shared/api/problem';
import type { QueuedWrite, StoredProblem } from '../../shared/offline/queue';

/** A write's label: its key in the offline namespace, or "ns:key" in the namespace of the page that queued it. */
export function useWriteLabel(): (item: Pick<QueuedWrite, 'label'>) => string {
  const { t } = useTranslation('offline');
  return ({ label }) => t(label.key, { ...label.values, defaultValue: t('label.write') });
}

/** The server's reason in the user's language (the services write "English / Español"). */
export function problemText(problem: StoredProblem, language: string, t: TFunction<'offline'> | TFunction): string {
  const fieldErrors = Object.values(problem.errors ?? {}).flat();
  const text = problem.detail ?? fieldErrors[0] ?? problem.title;
  return inLanguage(text, language) ?? (t as TFunction)('state.error', { ns: 'common' });
}
