import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../shared/ui/Page';
import { Alert, Empty, ErrorState, Loading } from '../../../shared/ui/States';
import { useCurrentTenant, useOrgUnits, type OrgUnit } from '../api';
import { OrgUnitTree } from './OrgUnitTree';
import { buildTree } from './tree';
import { UnitForm } from './UnitForm';
import '../admin.css';

/** The institution's structure: zonal directorates, their agencies and offices, as a tree to grow and rearrange. */
export default function OrgUnitsPage() {
  const { t } = useTranslation('admin');
  const units = useOrgUnits();
  const tenant = useCurrentTenant();
  const [addingTop, setAddingTop] = useState(false);
  const [done, setDone] = useState<string>();

  function saved(unit: OrgUnit, created: boolean) {
    setAddingTop(false);
    setDone(created ? t('orgUnits.created', { name: unit.name }) : t('orgUnits.updated', { name: unit.name }));
  }

  const failed = units.isError ? units : tenant.isError ? tenant : undefined;
  return (
    <Page
      title={t('orgUnits.title')}
      lead={t('orgUnits.lead')}
      actions={
        <button type="button" className="button" aria-expanded={addingTop} onClick={() => setAddingTop((open) => !open)}>
          {t('orgUnits.addTop')}
        </button>
      }
    >
      {done && <Alert kind="success">{done}</Alert>}
      {failed ? (
        <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />
      ) : !units.data || !tenant.data ? (
        <Loading />
      ) : (
        <>
          {addingTop && (
            <UnitForm units={units.data} tenantRegions={tenant.data.regions} onCancel={() => setAddingTop(false)} onDone={(unit) => saved(unit, true)} />
          )}
          {units.data.length === 0 ? (
            <Empty>{t('orgUnits.none')}</Empty>
          ) : (
            <OrgUnitTree nodes={buildTree(units.data)} units={units.data} tenantRegions={tenant.data.regions} label={t('orgUnits.treeLabel')} onSaved={saved} />
          )}
        </>
      )}
    </Page>
  );
}
