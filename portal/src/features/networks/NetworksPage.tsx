import { Link } from 'react-router';
import { asBoolean, useListAddress } from '../../shared/ui/useListAddress';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { formatDate, formatInteger } from '../../shared/format/format';
import { phases } from '../../shared/format/phases';
import { regionName, regions } from '../../shared/format/regions';
import { useValueChainName, useValueChains } from '../../shared/format/valueChains';
import { hasRole, useUser } from '../../shared/session/session';
import { DataTable } from '../../shared/ui/DataTable';
import { SelectField, TextField } from '../../shared/ui/Field';
import { Page } from '../../shared/ui/Page';
import { Pagination } from '../../shared/ui/Pagination';
import { QueryView } from '../../shared/ui/States';
import { canFormNetworks, networkKeys, useSpecialists, type NetworkListQuery, type NetworkSummary, type Phase } from './api';
import './networks.css';

const pageSize = 25;
const filterNames = ['chain', 'region', 'phase', 'specialist', 'womenLed'] as const;

/** The institution's networks: search by name, filters the API offers (chain, region, phase, specialist, women-led). */
export default function NetworksPage() {
  const { t, i18n } = useTranslation(['networks', 'common']);
  const { params, search, typed, setTyped, page, filtered, change, submitSearch, clear, goToPage } = useListAddress(filterNames);
  const user = useUser().data;
  const chains = useValueChains();
  const chainName = useValueChainName();
  const specialists = useSpecialists(hasRole(user, 'TenantAdmin', 'Supervisor'));
  const specialistName = new Map((specialists.data ?? []).map((s) => [s.id, s.fullName]));

  const phase = params.get('phase');
  const query: NetworkListQuery = {
    Page: page,
    PageSize: pageSize,
    Search: search || undefined,
    Chain: params.get('chain') || undefined,
    Region: params.get('region') || undefined,
    Phase: phases.includes(phase as Phase) ? (phase as Phase) : undefined,
    Specialist: params.get('specialist') || undefined,
    WomenLed: asBoolean(params.get('womenLed')),
  };
  const networks = useQuery({
    queryKey: networkKeys.list(query),
    queryFn: async () => orThrow(await api.GET('/api/networks', { params: { query } })),
    placeholderData: keepPreviousData,
  });

  const specialistLabel = (id: string) => (id === user?.id ? t('list.me') : (specialistName.get(id) ?? '—'));

  return (
    <Page
      title={t('list.title')}
      lead={t('list.lead')}
      actions={
        canFormNetworks(user) && (
          <Link className="button" to="/redes/nueva">
            {t('list.form')}
          </Link>
        )
      }
    >
      <form role="search" className="filters" onSubmit={submitSearch} aria-label={t('list.searchLabel')}>
        <TextField label={t('common:field.search')} hint={t('list.searchHint')} type="search" value={typed} onChange={(event) => setTyped(event.target.value)} />
        <div className="actions">
          <button type="submit" className="button">
            {t('common:action.search')}
          </button>
          {filtered && (
            <button type="button" className="button secondary" onClick={clear}>
              {t('common:action.clear')}
            </button>
          )}
        </div>
      </form>
      <div className="filters" role="group" aria-label={t('list.filters')}>
        <SelectField label={t('field.chain')} value={params.get('chain') ?? ''} onChange={(event) => change('chain', event.target.value)}>
          <option value="">{t('list.any')}</option>
          {(chains.data ?? []).map((chain) => (
            <option key={chain.code} value={chain.code}>
              {i18n.language.startsWith('en') ? chain.nameEn : chain.nameEs}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('common:field.region')} value={params.get('region') ?? ''} onChange={(event) => change('region', event.target.value)}>
          <option value="">{t('list.any')}</option>
          {regions.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('field.phase')} value={params.get('phase') ?? ''} onChange={(event) => change('phase', event.target.value)}>
          <option value="">{t('list.any')}</option>
          {phases.map((p) => (
            <option key={p} value={p}>
              {t(`common:phase.${p}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('field.specialist')} value={params.get('specialist') ?? ''} onChange={(event) => change('specialist', event.target.value)}>
          <option value="">{t('list.any')}</option>
          {user && hasRole(user, 'Specialist') && <option value={user.id}>{t('list.mine')}</option>}
          {(specialists.data ?? [])
            .filter((s) => s.id !== user?.id)
            .map((s) => (
              <option key={s.id} value={s.id}>
                {s.fullName}
              </option>
            ))}
        </SelectField>
        <SelectField label={t('field.womenLed')} value={params.get('womenLed') ?? ''} onChange={(event) => change('womenLed', event.target.value)}>
          <option value="">{t('list.any')}</option>
          <option value="true">{t('list.womenLedOnly')}</option>
          <option value="false">{t('list.notWomenLed')}</option>
        </SelectField>
      </div>
      <QueryView query={networks} isEmpty={(result) => result.items.length === 0} empty={filtered ? t('list.noMatch') : t('list.none')}>
        {(result) => (
          <>
            <DataTable<NetworkSummary>
              caption={t('list.caption')}
              rows={result.items}
              rowKey={(n) => n.id}
              columns={[
                { key: 'name', header: t('field.name'), rowHeader: true, cell: (n) => <Link to={`/redes/${n.id}`}>{n.name}</Link> },
                { key: 'chain', header: t('field.chain'), cell: (n) => chainName(n.valueChainCode) },
                { key: 'region', header: t('common:field.region'), cell: (n) => regionName(n.regionCode) },
                { key: 'phase', header: t('field.phase'), cell: (n) => t(`common:phase.${n.phase}`) },
                { key: 'members', header: t('field.members'), numeric: true, cell: (n) => formatInteger(Number(n.memberCount)) },
                { key: 'womenLed', header: t('field.womenLed'), cell: (n) => (n.womenLed ? t('yes') : t('no')) },
                { key: 'specialist', header: t('field.specialist'), cell: (n) => specialistLabel(n.specialistId) },
                { key: 'formedOn', header: t('field.formedOn'), cell: (n) => formatDate(n.formedOn, i18n.language) },
              ]}
            />
            <Pagination
              page={page}
              pageSize={pageSize}
              total={Number(result.totalCount)}
              onPage={goToPage}
            />
          </>
        )}
      </QueryView>
    </Page>
  );
}
