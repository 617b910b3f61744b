import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { formatDate, formatInteger, formatMoney, formatPercent } from '../../shared/format/format';
import { regionName } from '../../shared/format/regions';
import { DataTable } from '../../shared/ui/DataTable';
import { SelectField } from '../../shared/ui/Field';
import { Page } from '../../shared/ui/Page';
import { Pagination } from '../../shared/ui/Pagination';
import { QueryView } from '../../shared/ui/States';
import { ReviewBadge } from './Badges';
import { useNames } from './names';
import { keys, nameIn, pageOf, pageSize, reviewStatuses, useInstitutionDirectory, useProgrammeDirectory, type ReviewStatus } from './queries';

/** The review desk: submissions to national programmes, by programme, status (pending by default) and institution. */
export default function ReviewsPage() {
  const { t, i18n } = useTranslation('national');
  const names = useNames();
  const [search, setSearch] = useSearchParams();
  const programme = search.get('programa') ?? '';
  const tenant = search.get('institucion') ?? '';
  const status = (search.has('estado') ? search.get('estado') : 'Pending') as ReviewStatus | '';
  const page = pageOf(search);
  const programmes = useProgrammeDirectory();
  const institutions = useInstitutionDirectory();

  const reviews = useQuery({
    queryKey: [...keys.reviews, 'list', programme, status, tenant, page],
    queryFn: async () =>
      orThrow(
        await api.GET('/api/national/reviews', {
          params: {
            query: { Programme: programme || undefined, Status: status || undefined, Tenant: tenant || undefined, Page: page, PageSize: pageSize },
          },
        }),
      ),
  });

  function filter(name: 'programa' | 'estado' | 'institucion', value: string) {
    const next = new URLSearchParams(search);
    next.set(name, value);
    if (name !== 'estado' && !value) next.delete(name);
    next.delete('pagina');
    setSearch(next);
  }

  return (
    <Page title={t('reviews.title')} lead={t('reviews.lead')}>
      <div className="filters">
        <SelectField label={t('field.programme')} value={programme} onChange={(e) => filter('programa', e.target.value)}>
          <option value="">{t('filters.allProgrammes')}</option>
          {programmes.data?.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('common:field.status')} value={status} onChange={(e) => filter('estado', e.target.value)}>
          {reviewStatuses.map((value) => (
            <option key={value} value={value}>
              {t(`reviewStatus.${value}`)}
            </option>
          ))}
          <option value="">{t('filters.all')}</option>
        </SelectField>
        <SelectField label={t('field.institution')} value={tenant} onChange={(e) => filter('institucion', e.target.value)}>
          <option value="">{t('filters.allInstitutions')}</option>
          {institutions.data?.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </SelectField>
      </div>
      <QueryView query={reviews} isEmpty={(data) => data.items.length === 0} empty={t('reviews.empty')}>
        {(data) => (
          <>
            <DataTable
              caption={t('reviews.caption')}
              rowKey={(row) => row.id}
              rows={data.items}
              columns={[
                {
                  key: 'network',
                  header: t('field.network'),
                  rowHeader: true,
                  cell: (row) => (
                    <Link to={`/nacional/revisiones/${row.id}`}>
                      {t('reviews.networkName', { valueChain: names.valueChain(row.valueChainCode), region: regionName(row.regionCode) })}
                    </Link>
                  ),
                },
                { key: 'institution', header: t('field.institution'), cell: (row) => nameIn(institutions.data, row.tenantId) },
                { key: 'programme', header: t('field.programme'), cell: (row) => nameIn(programmes.data, row.programmeId) },
                { key: 'members', header: t('field.members'), numeric: true, cell: (row) => formatInteger(Number(row.memberCount)) },
                { key: 'funds', header: t('field.programmeFunds'), numeric: true, cell: (row) => formatMoney(Number(row.programmeFundsPen)) },
                { key: 'share', header: t('field.networkShare'), numeric: true, cell: (row) => formatPercent(Number(row.networkContributionShare ?? 0)) },
                { key: 'total', header: t('field.total'), numeric: true, cell: (row) => formatMoney(Number(row.totalPen)) },
                { key: 'submitted', header: t('field.submittedAt'), cell: (row) => formatDate(row.submittedAt, i18n.language) },
                { key: 'status', header: t('common:field.status'), cell: (row) => <ReviewBadge status={row.status} /> },
              ]}
            />
            <Pagination
              page={page}
              pageSize={pageSize}
              total={Number(data.totalCount)}
              onPage={(next) => {
                const params = new URLSearchParams(search);
                params.set('pagina', String(next));
                setSearch(params);
              }}
            />
          </>
        )}
      </QueryView>
    </Page>
  );
}
