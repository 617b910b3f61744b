import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { send } from '../../shared/api/client';
import { ProblemError, toProblem } from '../../shared/api/problem';
import { DataTable } from '../../shared/ui/DataTable';
import { Alert, ErrorState } from '../../shared/ui/States';
import { offlineKeys } from '../../shared/offline/keys';
import type { QueuedWrite } from '../../shared/offline/queue';
import { recordPathOf, versionOf } from '../../shared/offline/records';
import { keepMine } from '../../shared/offline/sync';
import { compareVersions, type FieldComparison } from './compare';

interface Theirs {
  body: unknown;
  version?: string;
}

/** Reads the record as the server holds it now (a fresh GET, not the cached copy's version). */
async function readTheirs(path: string): Promise<Theirs> {
  const response = await send(path, { cache: 'no-store' });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ProblemError(toProblem(response.status, body));
  return { body, version: versionOf(response.headers.get('ETag'), body) };
}

/**
 * A 412: my queued version beside the server's, field by field, the differences said in words; the user keeps
 * theirs ("Descartar mis cambios") or mine ("Mantener mis cambios", sent over the server's current version).
 */
export function ConflictView({ item, onDiscard }: { item: QueuedWrite; onDiscard: () => void }) {
  const { t } = useTranslation('offline');
  const path = recordPathOf(item.path);
  const [busy, setBusy] = useState(false);
  const theirs = useQuery({
    queryKey: offlineKeys.record(`${item.seq}:${path ?? ''}`),
    queryFn: () => readTheirs(path!),
    enabled: !!path,
    networkMode: 'always',
    retry: false,
    staleTime: 0,
  });
  const version = theirs.data?.version ?? item.conflict?.currentVersion;
  const value = (v: unknown) => show(v, t);

  return (
    <div className="conflict">
      <h4>{t('conflict.title')}</h4>
      <p>{t('conflict.explain')}</p>
      {!path ? (
        <p>{t('conflict.noRecord')}</p>
      ) : theirs.isPending ? (
        <p role="status">{t('conflict.loading')}</p>
      ) : theirs.isError ? (
        theirs.error instanceof ProblemError ? (
          <ErrorState error={theirs.error} onRetry={() => void theirs.refetch()} />
        ) : (
          <Alert>
            <p>{t('conflict.unavailable')}</p>
            <button type="button" className="button secondary" onClick={() => void theirs.refetch()}>
              {t('action.retry', { ns: 'common' })}
            </button>
          </Alert>
        )
      ) : (
        <DataTable<FieldComparison>
          caption={t('conflict.caption')}
          rows={compareVersions(item.body, theirs.data.body)}
          rowKey={(row) => row.field}
          columns={[
            { key: 'field', header: t('conflict.field'), rowHeader: true, cell: (row) => t(`field.${row.field}`, { defaultValue: row.field }) },
            { key: 'mine', header: t('conflict.mine'), cell: (row) => value(row.mine) },
            { key: 'theirs', header: t('conflict.theirs'), cell: (row) => value(row.theirs) },
            {
              key: 'comparison',
              header: t('conflict.comparison'),
              cell: (row) => (row.differs ? <strong className="differs">{t('conflict.differs')}</strong> : t('conflict.same')),
            },
          ]}
        />
      )}
      <p>{t('conflict.keepMineNote')}</p>
      <div className="queue-actions">
        <button
          type="button"
          className="button small"
          disabled={!version || busy || theirs.isPending}
          onClick={() => {
            setBusy(true);
            void keepMine(item.seq, version!).finally(() => setBusy(false));
          }}
        >
          {t('conflict.keepMine')}
        </button>
        <button type="button" className="button secondary small" onClick={onDiscard}>
          {t('conflict.discardMine')}
        </button>
      </div>
    </div>
  );
}

function show(value: unknown, t: (key: string) => string): string {
  if (value === null || value === undefined || value === '') return t('conflict.empty');
  if (typeof value === 'boolean') return value ? t('value.yes') : t('value.no');
  if (Array.isArray(value)) return value.length ? value.map((v) => show(v, t)).join(', ') : t('conflict.empty');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
