import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatInteger } from '../../../shared/format/format';
import { DataTable } from '../../../shared/ui/DataTable';
import { SelectField, TextField } from '../../../shared/ui/Field';
import { Pagination } from '../../../shared/ui/Pagination';
import { QueryView } from '../../../shared/ui/States';
import {
  logServices, personalDataActions, personalDataKeys, readLog,
  type FoundProducer, type LogService, type PersonalDataRead, type ReadFilters,
} from './personalDataApi';

const pageSize = 50;
const noFilters: ReadFilters = { action: '', producer: '', from: '', to: '' };

/**
 * Who read producers' personal data, one service's log at a time: each service pages its own log, and a merge of
 * their current pages would not be the newest entries overall past the first page.
 */
export function ReadLog({ found }: { found: FoundProducer | null }) {
  const { t, i18n } = useTranslation(['admin', 'common']);
  const [service, setService] = useState<LogService>('networks');
  const [applied, setApplied] = useState<ReadFilters>(noFilters);
  const [draft, setDraft] = useState<ReadFilters>(noFilters);
  const [rangeError, setRangeError] = useState<string>();
  const [page, setPage] = useState(1);

  const reads = useQuery({
    queryKey: personalDataKeys.reads(service, { page, ...applied }),
    queryFn: () => readLog(service, page, pageSize, applied),
    placeholderData: keepPreviousData,
  });

  function apply(event: FormEvent) {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setRangeError(t('personalData.log.rangeError'));
      return;
    }
    setRangeError(undefined);
    setApplied(draft);
    setPage(1);
  }

  const edit = (name: keyof ReadFilters) => (value: string) => setDraft((current) => ({ ...current, [name]: value }));
  const anyFilter = Object.values(applied).some(Boolean);

  return (
    <section className="card" aria-labelledby="personal-data-log">
      <h2 id="personal-data-log">{t('personalData.log.title')}</h2>
      <p>{t('personalData.log.lead')}</p>
      <form className="filters" onSubmit={apply} aria-label={t('personalData.log.filters')} noValidate>
        <SelectField
          label={t('personalData.log.service')}
          value={service}
          onChange={(event) => {
            setService(event.target.value as LogService);
            setPage(1);
          }}
        >
          {logServices.map((name) => (
            <option key={name} value={name}>
              {t(`personalData.log.services.${name}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('personalData.log.action')} value={draft.action} onChange={(event) => edit('action')(event.target.value)}>
          <option value="">{t('personalData.log.anyAction')}</option>
          {personalDataActions.map((action) => (
            <option key={action} value={action}>
              {t(`personalData.log.actions.${action}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('personalData.log.producer')} value={draft.producer} onChange={(event) => edit('producer')(event.target.value)}>
          <option value="">{t('personalData.log.anyProducer')}</option>
          {found && (
            <option value={found.id}>
              {found.firstNames} {found.lastNames}
            </option>
          )}
        </SelectField>
        <TextField label={t('personalData.log.from')} type="date" value={draft.from} onChange={(event) => edit('from')(event.target.value)} />
        <TextField label={t('personalData.log.to')} type="date" value={draft.to} error={rangeError} onChange={(event) => edit('to')(event.target.value)} />
        <div className="actions">
          <button type="submit" className="button">
            {t('personalData.log.apply')}
          </button>
        </div>
      </form>
      <QueryView query={reads} isEmpty={(result) => result.items.length === 0} empty={anyFilter ? t('personalData.log.noMatch') : t('personalData.log.none')}>
        {(result) => (
          <>
            <DataTable<PersonalDataRead>
              caption={t('personalData.log.caption', { service: t(`personalData.log.services.${service}`) })}
              rows={result.items}
              rowKey={(read) => read.id}
              columns={[
                { key: 'at', header: t('personalData.log.at'), rowHeader: true, cell: (read) => formatDateTime(read.at, i18n.language) },
                { key: 'actor', header: t('personalData.log.actor'), cell: (read) => read.actorName ?? t('audit.system') },
                { key: 'action', header: t('personalData.log.action'), cell: (read) => t(`personalData.log.actions.${read.action}`) },
                {
                  key: 'producer',
                  header: t('personalData.log.producer'),
                  cell: (read) => (read.producerId ? <Link to={`/productores/${read.producerId}`}>{read.producerId.slice(0, 8)}</Link> : '—'),
                },
                { key: 'query', header: t('personalData.log.query'), cell: (read) => <span className="audit-details">{read.query ?? '—'}</span> },
                { key: 'rows', header: t('personalData.log.rows'), numeric: true, cell: (read) => (read.rows == null ? '—' : formatInteger(Number(read.rows))) },
              ]}
            />
            <Pagination page={page} pageSize={pageSize} total={Number(result.totalCount)} onPage={setPage} />
          </>
        )}
      </QueryView>
    </section>
  );
}
