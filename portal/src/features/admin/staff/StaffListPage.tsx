import { Link } from 'react-router';
import { asBoolean, useListAddress } from '../../../shared/ui/useListAddress';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client';
import { orThrow } from '../../../shared/api/problem';
import { regionName } from '../../../shared/format/regions';
import { DataTable } from '../../../shared/ui/DataTable';
import { SelectField, TextField } from '../../../shared/ui/Field';
import { Page } from '../../../shared/ui/Page';
import { Pagination } from '../../../shared/ui/Pagination';
import { QueryView } from '../../../shared/ui/States';
import { adminKeys, tenantRoles, useCurrentTenant, useOrgUnits, type StaffSummary } from '../api';
import { StaffBadges } from './StaffBadges';
import '../admin.css';

const pageSize = 25;
const filterNames = ['role', 'orgUnit', 'region', 'active', 'trained'] as const;


/** The institution's people: search by name, e-mail or DNI, filters, and a link to each person. */
export default function StaffListPage() {
  const { t } = useTranslation(['admin', 'common']);
  const { params, search, typed, setTyped, page, filtered, change, submitSearch, clear, goToPage } = useListAddress(filterNames);
  const units = useOrgUnits();
  const tenant = useCurrentTenant();

  const query = {
    Page: page,
    PageSize: pageSize,
    Search: search || undefined,
    Role: params.get('role') || undefined,
    OrgUnitId: params.get('orgUnit') || undefined,
    Region: params.get('region') || undefined,
    Active: asBoolean(params.get('active')),
    Trained: asBoolean(params.get('trained')),
  };
  const staff = useQuery({
    queryKey: adminKeys.staffList(query),
    queryFn: async () => orThrow(await api.GET('/api/staff', { params: { query } })),
    placeholderData: keepPreviousData,
  });


  const unitName = new Map((units.data ?? []).map((unit) => [unit.id, unit.name]));

  return (
    <Page
      title={t('staff.title')}
      lead={t('staff.lead')}
      actions={
        <Link className="button" to="/personal/invitar">
          {t('staff.invite')}
        </Link>
      }
    >
      <form role="search" className="filters" onSubmit={submitSearch} aria-label={t('staff.searchLabel')}>
        <TextField label={t('common:field.search')} hint={t('staff.searchHint')} type="search" value={typed} onChange={(event) => setTyped(event.target.value)} />
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
      <div className="filters" role="group" aria-label={t('staff.filters')}>
        <SelectField label={t('staff.filter.role')} value={params.get('role') ?? ''} onChange={(event) => change('role', event.target.value)}>
          <option value="">{t('staff.filter.any')}</option>
          {tenantRoles.map((role) => (
            <option key={role} value={role}>
              {t(`common:role.${role}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('person.orgUnit')} value={params.get('orgUnit') ?? ''} onChange={(event) => change('orgUnit', event.target.value)}>
          <option value="">{t('staff.filter.any')}</option>
          {(units.data ?? []).map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('common:field.region')} value={params.get('region') ?? ''} onChange={(event) => change('region', event.target.value)}>
          <option value="">{t('staff.filter.any')}</option>
          {(tenant.data?.regions ?? []).map((code) => (
            <option key={code} value={code}>
              {regionName(code)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('staff.filter.active')} value={params.get('active') ?? ''} onChange={(event) => change('active', event.target.value)}>
          <option value="">{t('staff.filter.any')}</option>
          <option value="true">{t('staff.filter.activeOnly')}</option>
          <option value="false">{t('staff.filter.inactiveOnly')}</option>
        </SelectField>
        <SelectField label={t('staff.filter.trained')} value={params.get('trained') ?? ''} onChange={(event) => change('trained', event.target.value)}>
          <option value="">{t('staff.filter.any')}</option>
          <option value="true">{t('staff.filter.trainedOnly')}</option>
          <option value="false">{t('staff.filter.untrainedOnly')}</option>
        </SelectField>
      </div>
      <QueryView query={staff} isEmpty={(result) => result.items.length === 0} empty={filtered ? t('staff.noMatch') : t('staff.none')}>
        {(result) => (
          <>
            <DataTable<StaffSummary>
              caption={t('staff.caption')}
              rows={result.items}
              rowKey={(person) => person.id}
              columns={[
                {
                  key: 'name',
                  header: t('common:field.fullName'),
                  rowHeader: true,
                  cell: (person) => (
                    <>
                      <Link to={`/personal/${person.id}`}>{person.fullName}</Link>
                      <StaffBadges person={person} />
                    </>
                  ),
                },
                { key: 'email', header: t('common:field.email'), cell: (person) => person.email },
                { key: 'roles', header: t('person.roles'), cell: (person) => person.roles.map((role) => t(`common:role.${role}`)).join(', ') },
                { key: 'unit', header: t('person.orgUnit'), cell: (person) => (person.orgUnitId ? (unitName.get(person.orgUnitId) ?? '—') : '—') },
                { key: 'regions', header: t('common:field.regions'), cell: (person) => person.regions.map(regionName).join(', ') || '—' },
                { key: 'trained', header: t('staff.trained'), cell: (person) => (person.isTrained ? t('yes') : t('no')) },
                { key: 'criteria', header: t('staff.criteria'), cell: (person) => (person.meetsSelectionCriteria ? t('yes') : t('no')) },
              ]}
            />
            <Pagination page={page} pageSize={pageSize} total={Number(result.totalCount)} onPage={goToPage} />
          </>
        )}
      </QueryView>
    </Page>
  );
}
