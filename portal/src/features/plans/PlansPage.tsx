import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { formatMoney } from '../../shared/format/format';
import { useUser } from '../../shared/session/session';
import { DataTable, type Column } from '../../shared/ui/DataTable';
import { SelectField } from '../../shared/ui/Field';
import { Page } from '../../shared/ui/Page';
import { Pagination } from '../../shared/ui/Pagination';
import { QueryView } from '../../shared/ui/States';
import { actsOnEverything, keys, mayDraft, nameIn, pageOf, pageSize, planStatuses, useNetworks, useProgrammes, type PlanStatus, type PlanSummary } from './queries';
import { StatusBadge } from './StatusBadge';
import './plans.css';

/**
 * The institution's business plans by status, network and programme; for supervisors and admins also the queue of
 * submitted plans waiting for them, where plans on a national programme show as waiting on the national desk instead.
 */
export default function PlansPage() {
  const { t } = useTranslation('plans');
  const user = useUser();
  const [search, setSearch] = useSearchParams();
  const supervisor = actsOnEverything(user.data);
  const queue = supervisor && search.get('vista') === 'cola';
  const status = (queue ? 'Submitted' : (search.get('estado') ?? '')) as PlanStatus | '';
  const network = search.get('red') ?? '';
  const programme = search.get('programa') ?? '';
  const page = pageOf(search);
  const programmes = useProgrammes();
  const networks = useNetworks();

  const plans = useQuery({
    queryKey: [...keys.plans, 'list', status, network, programme, page],
    queryFn: async () =>
      orThrow(
        await api.GET('/api/business-plans', {
          params: { query: { Status: status || undefined, Network: network || undefined, Programme: programme || undefined, Page: page, PageSize: pageSize } },
        }),
      ),
  });

  function change(name: 'estado' | 'red' | 'programa' | 'vista' | 'pagina', value: string) {
    const next = new URLSearchParams(search);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name !== 'pagina') next.delete('pagina');
    setSearch(next);
  }

  const isNational = (row: PlanSummary) => programmes.data?.find((p) => p.id === row.programmeId)?.isNational ?? false;
  const columns: Column<PlanSummary>[] = [
    { key: 'title', header: t('field.title'), rowHeader: true, cell: (row) => <Link to={`/planes/${row.id}`}>{row.title}</Link> },
    { key: 'network', header: t('field.network'), cell: (row) => nameIn(networks.data, row.networkId) },
    { key: 'programme', header: t('field.programme'), cell: (row) => nameIn(programmes.data, row.programmeId) },
    { key: 'total', header: t('split.total'), numeric: true, cell: (row) => formatMoney(Number(row.totalPen)) },
    { key: 'funds', header: t('split.programme'), numeric: true, cell: (row) => formatMoney(Number(row.programmeFundsPen)) },
    { key: 'status', header: t('field.status'), cell: (row) => <StatusBadge status={row.status} /> },
  ];
  if (queue)
    columns.push({
      key: 'who',
      header: t('queue.who'),
      cell: (row) =>
        isNational(row) ? (
          <span className="badge badge-pending">{t('queue.nationalDesk')}</span>
        ) : (
          <Link to={`/planes/${row.id}`} aria-label={t('queue.decideLabel', { title: row.title })}>
            {t('queue.decide')}
          </Link>
        ),
    });
  else columns.push({ key: 'disbursed', header: t('paid.disbursed'), numeric: true, cell: (row) => formatMoney(Number(row.disbursedPen)) });

  return (
    <Page
      title={t('list.title')}
      lead={t(queue ? 'queue.lead' : 'list.lead')}
      actions={
        mayDraft(user.data) ? (
          <Link className="button" to={network ? `/planes/nuevo?red=${network}` : '/planes/nuevo'}>
            {t('list.new')}
          </Link>
        ) : undefined
      }
    >
      {supervisor && (
        <div className="actions plan-views" role="group" aria-label={t('queue.views')}>
          <button type="button" className="button secondary" aria-pressed={!queue} onClick={() => change('vista', '')}>
            {t('queue.all')}
          </button>
          <button type="button" className="button secondary" aria-pressed={queue} onClick={() => change('vista', 'cola')}>
            {t('queue.mine')}
          </button>
        </div>
      )}
      <div className="filters">
        {!queue && (
          <SelectField label={t('field.status')} value={status} onChange={(e) => change('estado', e.target.value)}>
            <option value="">{t('list.allStatuses')}</option>
            {planStatuses.map((value) => (
              <option key={value} value={value}>
                {t(`status.${value}`)}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label={t('field.network')} value={network} onChange={(e) => change('red', e.target.value)}>
          <option value="">{t('list.allNetworks')}</option>
          {networks.data?.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('field.programme')} value={programme} onChange={(e) => change('programa', e.target.value)}>
          <option value="">{t('list.allProgrammes')}</option>
          {programmes.data?.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </SelectField>
      </div>
      <QueryView query={plans} isEmpty={(data) => data.items.length === 0} empty={t(queue ? 'queue.empty' : 'list.empty')}>
        {(data) => (
          <>
            <DataTable caption={t(queue ? 'queue.caption' : 'list.caption')} rowKey={(row) => row.id} rows={data.items} columns={columns} />
            <Pagination page={page} pageSize={pageSize} total={Number(data.totalCount)} onPage={(next) => change('pagina', String(next))} />
          </>
        )}
      </QueryView>
    </Page>
  );
}
