import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { formatDate } from '../../shared/format/format';
import { regionName } from '../../shared/format/regions';
import { DataTable } from '../../shared/ui/DataTable';
import { SelectField, TextField } from '../../shared/ui/Field';
import { Page } from '../../shared/ui/Page';
import { Pagination } from '../../shared/ui/Pagination';
import { QueryView } from '../../shared/ui/States';
import { TenantBadge } from './Badges';
import { keys, pageOf, pageSize, tenantStatuses, type TenantStatus } from './queries';

/** The institutions on the platform, found by name, slug or RUC and filtered by status. */
export default function InstitutionsPage() {
  const { t, i18n } = useTranslation('national');
  const [search, setSearch] = useSearchParams();
  const text = search.get('buscar') ?? '';
  const status = (search.get('estado') ?? '') as TenantStatus | '';
  const page = pageOf(search);
  const [draft, setDraft] = useState({ text, status });

  const tenants = useQuery({
    queryKey: [...keys.tenants, 'list', text, status, page],
    queryFn: async () =>
      orThrow(
        await api.GET('/api/tenants', {
          params: { query: { Search: text || undefined, Status: status || undefined, Page: page, PageSize: pageSize } },
        }),
      ),
  });

  function apply(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (draft.text.trim()) next.buscar = draft.text.trim();
    if (draft.status) next.estado = draft.status;
    setSearch(next);
  }

  function clear() {
    setDraft({ text: '', status: '' });
    setSearch({});
  }

  const pageTo = (next: number) => {
    const params = new URLSearchParams(search);
    params.set('pagina', String(next));
    setSearch(params);
  };

  return (
    <Page title={t('institutions.title')} lead={t('institutions.lead')}>
      <form className="filters" role="search" aria-label={t('institutions.searchLabel')} onSubmit={apply}>
        <TextField label={t('institutions.search')} type="search" hint={t('institutions.searchHint')} value={draft.text} onChange={(e) => setDraft({ ...draft, text: e.target.value })} />
        <SelectField label={t('common:field.status')} value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value as TenantStatus | '' })}>
          <option value="">{t('filters.all')}</option>
          {tenantStatuses.map((value) => (
            <option key={value} value={value}>
              {t(`common:tenantStatus.${value}`)}
            </option>
          ))}
        </SelectField>
        <div className="actions">
          <button type="submit" className="button">
            {t('common:action.search')}
          </button>
          <button type="button" className="button secondary" onClick={clear}>
            {t('common:action.clear')}
          </button>
        </div>
      </form>
      <QueryView query={tenants} isEmpty={(data) => data.items.length === 0} empty={text || status ? t('institutions.noMatch') : t('institutions.empty')}>
        {(data) => (
          <>
            <DataTable
              caption={t('institutions.caption')}
              rowKey={(row) => row.id}
              rows={data.items}
              columns={[
                { key: 'name', header: t('field.institution'), rowHeader: true, cell: (row) => <Link to={`/nacional/instituciones/${row.id}`}>{row.name}</Link> },
                { key: 'slug', header: t('field.slug'), cell: (row) => row.slug },
                { key: 'ruc', header: 'RUC', cell: (row) => row.ruc },
                { key: 'kind', header: t('field.kind'), cell: (row) => t(`common:kind.${row.kind}`) },
                { key: 'regions', header: t('common:field.regions'), cell: (row) => row.regions.map(regionName).join(', ') },
                { key: 'status', header: t('common:field.status'), cell: (row) => <TenantBadge status={row.status} /> },
                { key: 'since', header: t('field.activatedAt'), cell: (row) => formatDate(row.activatedAt, i18n.language) },
              ]}
            />
            <Pagination page={page} pageSize={pageSize} total={Number(data.totalCount)} onPage={pageTo} />
          </>
        )}
      </QueryView>
    </Page>
  );
}
