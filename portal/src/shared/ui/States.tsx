import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ProblemError, inLanguage } from '../api/problem';

export function Alert({ kind = 'error', children }: { kind?: 'error' | 'success' | 'info'; children: ReactNode }) {
  // Errors interrupt (role=alert); confirmations and notes are announced politely.
  return (
    <div className={`alert alert-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {label ?? t('state.loading')}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function NotAllowed() {
  const { t } = useTranslation();
  return <Alert kind="info">{t('state.notAllowed')}</Alert>;
}

/** The message of an error as the user should read it: the server's reason in their language, else a generic one. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (error instanceof ProblemError) {
      const { status } = error.problem;
      if (status === 403) return t('state.notAllowed');
      if (status === 404) return t('state.notFound');
      if (status === 429) return t('state.tooMany');
      if (status >= 500) return t('state.unavailable');
      const fieldErrors = Object.values(error.problem.errors ?? {}).flat();
      const text = error.problem.detail ?? fieldErrors[0] ?? error.problem.title;
      return inLanguage(text, i18n.language) ?? t('state.error');
    }
    return t('state.error');
  };
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (error instanceof ProblemError && error.problem.status === 403) return <NotAllowed />;
  return (
    <Alert>
      <p>{message(error)}</p>
      {onRetry && (
        <button type="button" className="button secondary" onClick={onRetry}>
          {t('action.retry')}
        </button>
      )}
    </Alert>
  );
}

interface QueryViewProps<T> {
  query: UseQueryResult<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}

/** Loading, error (with retry), empty and data: the four states every list and detail shows. */
export function QueryView<T>({ query, isEmpty, empty, children }: QueryViewProps<T>) {
  if (query.isPending) return <Loading />;
  // A failed refresh (offline) keeps showing what was read before: the error is only for a query with no data.
  if (query.isError && query.data === undefined) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data as T;
  if (isEmpty?.(data)) return <Empty>{empty}</Empty>;
  return <>{children(data)}</>;
}
