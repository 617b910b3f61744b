import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { orThrow } from '../../../shared/api/problem';
import { formatDateTime } from '../../../shared/format/format';
import { DataTable } from '../../../shared/ui/DataTable';
import { SelectField, TextField } from '../../../shared/ui/Field';
import { Page } from '../../../shared/ui/Page';
import { Pagination } from '../../../shared/ui/Pagination';
import { QueryView } from '../../../shared/ui/States';
import { adminKeys, useEveryone, type AuditEntry } from '../api';
import { actionFamilies, auditQuery, exportHref, filtersFrom, type AuditFilters } from './auditQuery';
import '../admin.css';

const pageSize = 50;

/** Who did what and when in the institution, filtered, paged and exported as CSV. */
export default function AuditPage() {
  const { t, i18n } = useTranslation(['admin', 'common']);
  const [params, setParams] = useSearchParams();
  const applied = filtersFrom(params);
  const [draft, setDraft] = useState<AuditFilters>(applied);
  const [rangeError, setRangeError] = useState<string>();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const everyone = useEveryone();
  const address = params.toString();

  // Back and forward change the address: the form follows what is shown.
  useEffect(() => setDraft(filtersFrom(new URLSearchParams(address))), [address]);

  const query = { Page: page, PageSize: pageSize, ...auditQuery(applied) };
  const entries = useQuery({
    queryKey: adminKeys.audit(query),
    queryFn: async () => orThrow(await api.GET('/api/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });

  function apply(event: FormEvent) {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setRangeError(t('audit.rangeError'));
      return;
    }
    setRangeError(undefined);
    const next = new URLSearchParams();
    for (const [name, value] of Object.entries(draft)) if (value) next.set(name, value);
    setParams(next);
  }

  function clear() {
    setDraft({ actor: '', action: '', from: '', to: '' });
    setRangeError(undefined);
    setParams(new URLSearchParams());
  }

  const edit = (name: keyof AuditFilters) => (value: string) => setDraft((current) => ({ ...current, [name]: value }));
  const anyFilter = Object.values(applied).some(Boolean);

  return (
    <Page title={t('audit.title')} lead={t('audit.lead')}>
      <form className="filters" onSubmit={apply} aria-label={t('audit.filters')} noValidate>
        <SelectField label={t('audit.who')} value={draft.actor} onChange={(event) => edit('actor')(event.target.value)}>
          <option value="">{t('audit.anyone')}</option>
          {(everyone.data ?? []).map((person) => (
            <option key={person.id} value={person.id}>
              {person.fullName}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('audit.what')} value={draft.action} onChange={(event) => edit('action')(event.target.value)}>
          <option value="">{t('audit.anything')}</option>
          {actionFamilies.map((family) => (
            <option key={family} value={family}>
              {t(`audit.families.${family.slice(0, -1)}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('audit.from')} type="date" value={draft.from} onChange={(event) => edit('from')(event.target.value)} />
        <TextField label={t('audit.to')} type="date" value={draft.to} error={rangeError} onChange={(event) => edit('to')(event.target.value)} />
        <div className="actions">
          <button type="submit" className="button">
            {t('audit.apply')}
          </button>
          {anyFilter && (
            <button type="button" className="button secondary" onClick={clear}>
              {t('common:action.clear')}
            </button>
          )}
        </div>
      </form>
      <p>
        <a className="button secondary" href={exportHref(applied)} download="auditoria.csv">
          {t('audit.export')}
        </a>
      </p>
      <QueryView query={entries} isEmpty={(result) => result.items.length === 0} empty={anyFilter ? t('audit.noMatch') : t('audit.none')}>
        {(result) => (
          <>
            <DataTable<AuditEntry>
              caption={t('audit.caption')}
              rows={result.items}
              rowKey={(entry) => entry.id}
              columns={[
                { key: 'at', header: t('audit.at'), rowHeader: true, cell: (entry) => formatDateTime(entry.at, i18n.language) },
                { key: 'actor', header: t('audit.actor'), cell: (entry) => entry.actorName ?? t('audit.system') },
                { key: 'action', header: t('audit.action'), cell: (entry) => t(`audit.actions.${entry.action}`, { defaultValue: entry.action }) },
                { key: 'target', header: t('audit.target'), cell: (entry) => <Target entry={entry} /> },
                { key: 'details', header: t('audit.details'), cell: (entry) => <span className="audit-details">{entry.details ?? '—'}</span> },
              ]}
            />
            <Pagination
              page={page}
              pageSize={pageSize}
              total={Number(result.totalCount)}
              onPage={(next) =>
                setParams((current) => {
                  const updated = new URLSearchParams(current);
                  updated.set('page', String(next));
                  return updated;
                })
              }
            />
          </>
        )}
      </QueryView>
    </Page>
  );
}

function Target({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('admin');
  const kind = t(`audit.targets.${entry.targetType}`, { defaultValue: entry.targetType });
  if (entry.targetType === 'StaffMember') return <Link to={`/personal/${entry.targetId}`}>{t('audit.targetLink', { kind, id: entry.targetId.slice(0, 8) })}</Link>;
  return (
    <>
      {kind} <span className="tree-meta">{entry.targetId.slice(0, 8)}</span>
    </>
  );
}
