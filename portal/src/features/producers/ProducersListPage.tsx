import { Link } from 'react-router';
import { asBoolean, useListAddress } from '../../shared/ui/useListAddress';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { regionName } from '../../shared/format/regions';
import { useValueChains } from '../../shared/format/valueChains';
import { useUser } from '../../shared/session/session';
import { DataTable } from '../../shared/ui/DataTable';
import { SelectField, TextField } from '../../shared/ui/Field';
import { Page } from '../../shared/ui/Page';
import { Pagination } from '../../shared/ui/Pagination';
import { QueryView } from '../../shared/ui/States';
import {
  canWriteProducers, districtsQuery, fullName, genders, producerKeys, useDistricts, useRegions, type Gender, type ProducerListQuery, type ProducerSummary,
} from './api';
import { usePendingWrites } from '../../shared/offline/PendingWrites';
import { isQueuedRegistration } from './producerWrites';
import './producers.css';

const pageSize = 25;
const filterNames = ['region', 'district', 'gender', 'chain', 'active'] as const;


/** The list's query from the address, so a search or filter can be bookmarked and shared with a colleague. */
export function listQuery(params: URLSearchParams): ProducerListQuery {
  const gender = params.get('gender');
  return {
    Page: Math.max(1, Number(params.get('page')) || 1),
    PageSize: pageSize,
    Search: params.get('q') || undefined,
    Region: params.get('region') || undefined,
    District: params.get('district') || undefined,
    Gender: genders.includes(gender as Gender) ? (gender as Gender) : undefined,
    Network: params.get('network') || undefined,
    Chain: params.get('chain') || undefined,
    Active: asBoolean(params.get('active')),
  };
}

/** The export's address: the list's filters without the page. */
function exportHref(query: ProducerListQuery, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams({ format });
  for (const [name, value] of Object.entries(query)) {
    if (name !== 'Page' && name !== 'PageSize' && value !== undefined) params.set(name, String(value));
  }
  return `/api/producers/export?${params}`;
}

/** The institution's producers: search by name (accents do not matter) or DNI, filters, pages, export. */
export default function ProducersListPage() {
  const { t } = useTranslation(['producers', 'common']);
  // The network filter comes only from a link (a network's page), so it counts as filtered without a control of its own.
  const { params, typed, setTyped, filtered, change, submitSearch, clear, goToPage } = useListAddress([...filterNames, 'network'], { region: ['district'] });
  const user = useUser();
  const writer = canWriteProducers(user.data);
  const regions = useRegions();
  const region = params.get('region') ?? '';
  const districts = useDistricts(region);
  const chains = useValueChains();
  const english = useTranslation().i18n.language.startsWith('en');

  const query = listQuery(params);
  const producers = useQuery({
    queryKey: producerKeys.list(query),
    queryFn: async () => orThrow(await api.GET('/api/producers', { params: { query } })),
    placeholderData: keepPreviousData,
  });


  // District names come from each listed region's districts (reference data, read once and kept).
  const listedRegions = [...new Set((producers.data?.items ?? []).map((producer) => producer.regionCode))];
  const regionDistricts = useQueries({ queries: listedRegions.map((code) => districtsQuery(code)) });
  const districtName = new Map(regionDistricts.flatMap((result) => (result.data ?? []).map((district) => [district.code, district.name] as const)));

  return (
    <Page
      title={t('list.title')}
      lead={t('list.lead')}
      actions={
        writer && (
          <>
            <Link className="button" to="/productores/nuevo">
              {t('list.register')}
            </Link>
            <Link className="button secondary" to="/productores/importar">
              {t('list.import')}
            </Link>
          </>
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
        <SelectField label={t('field.department')} value={region} onChange={(event) => change('region', event.target.value)}>
          <option value="">{t('list.any')}</option>
          {(regions.data ?? []).map((option) => (
            <option key={option.code} value={option.code}>
              {option.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('field.district')} value={params.get('district') ?? ''} disabled={region === ''} onChange={(event) => change('district', event.target.value)}>
          <option value="">{region === '' ? t('list.chooseDepartmentFirst') : t('list.any')}</option>
          {[...(districts.data ?? [])]
            .sort((a, b) => `${a.provinceName} ${a.name}`.localeCompare(`${b.provinceName} ${b.name}`, 'es'))
            .map((district) => (
              <option key={district.code} value={district.code}>
                {t('list.districtOption', { district: district.name, province: district.provinceName })}
              </option>
            ))}
        </SelectField>
        <SelectField label={t('field.gender')} value={params.get('gender') ?? ''} onChange={(event) => change('gender', event.target.value)}>
          <option value="">{t('list.any')}</option>
          {genders.map((gender) => (
            <option key={gender} value={gender}>
              {t(`gender.${gender}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('list.chain')} value={params.get('chain') ?? ''} onChange={(event) => change('chain', event.target.value)}>
          <option value="">{t('list.any')}</option>
          {(chains.data ?? []).map((chain) => (
            <option key={chain.code} value={chain.code}>
              {english ? chain.nameEn : chain.nameEs}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('common:field.status')} value={params.get('active') ?? ''} onChange={(event) => change('active', event.target.value)}>
          <option value="">{t('list.any')}</option>
          <option value="true">{t('list.activeOnly')}</option>
          <option value="false">{t('list.inactiveOnly')}</option>
        </SelectField>
      </div>
      {writer && (
        <p className="export-links">
          <span>{t('list.export')}</span>
          {(['csv', 'xlsx'] as const).map((format) => (
            <a key={format} className="button secondary small" href={exportHref(query, format)} download aria-label={t('list.exportAs', { format: format.toUpperCase() })}>
              {format.toUpperCase()}
            </a>
          ))}
        </p>
      )}
      {writer && <QueuedRegistrations />}
      <QueryView
        query={producers}
        isEmpty={(result) => result.items.length === 0}
        empty={filtered ? t('list.noMatch') : writer ? t('list.noneWriter') : t('list.none')}
      >
        {(result) => (
          <>
            <DataTable<ProducerSummary>
              caption={t('list.caption')}
              rows={result.items}
              rowKey={(producer) => producer.id}
              columns={[
                {
                  key: 'name',
                  header: t('list.name'),
                  rowHeader: true,
                  cell: (producer) => (
                    <>
                      <Link to={`/productores/${producer.id}`}>{fullName(producer)}</Link>
                      {!producer.isActive && <span className="badge badge-off producer-badge">{t('status.inactive')}</span>}
                    </>
                  ),
                },
                { key: 'dni', header: t('field.dni'), cell: (producer) => producer.dni },
                { key: 'gender', header: t('field.gender'), cell: (producer) => t(`gender.${producer.gender}`) },
                {
                  key: 'place',
                  header: t('list.place'),
                  cell: (producer) =>
                    districtName.has(producer.districtCode)
                      ? t('list.placeValue', { district: districtName.get(producer.districtCode), region: regionName(producer.regionCode) })
                      : regionName(producer.regionCode),
                },
                { key: 'birthYear', header: t('field.birthYear'), numeric: true, cell: (producer) => producer.birthYear },
              ]}
            />
            <Pagination
              page={query.Page}
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

/**
 * Producers registered on this device and not yet sent: named, but not links (the server gives the id, so they can be
 * opened and edited only once sent).
 */
function QueuedRegistrations() {
  const { t } = useTranslation(['offline']);
  const items = usePendingWrites(isQueuedRegistration);
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="producers-queued">
      <h2 id="producers-queued">{t('pending.registrations')}</h2>
      <p>{t('pending.notYet')}</p>
      <ul>
        {items.map((item) => (
          <li key={item.seq}>
            {item.label.values?.name ?? t('label.write')} — {t(`state.${item.state}`)}
          </li>
        ))}
      </ul>
      <p>
        <Link to="/sincronizacion">{t('result.seeQueue')}</Link>
      </p>
    </section>
  );
}
