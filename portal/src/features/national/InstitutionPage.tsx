import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { formatDate, formatDateTime } from '../../shared/format/format';
import { regionName } from '../../shared/format/regions';
import { DataTable } from '../../shared/ui/DataTable';
import { Page } from '../../shared/ui/Page';
import { ReasonDialog } from '../../shared/ui/ReasonDialog';
import { Alert, QueryView } from '../../shared/ui/States';
import { TenantBadge } from './Badges';
import { keys, type Tenant } from './queries';

/** One institution: its data, suspending or reactivating it with a reason, and the history of its status. */
export default function InstitutionPage() {
  const { t } = useTranslation('national');
  const { id = '' } = useParams();
  const tenant = useQuery({
    queryKey: [...keys.tenants, 'one', id],
    queryFn: async () => orThrow(await api.GET('/api/tenants/{id}', { params: { path: { id } } })),
  });
  return (
    <Page title={tenant.data?.name ?? t('institutions.oneTitle')}>
      <p>
        <Link to="/nacional/instituciones">{t('institutions.backToList')}</Link>
      </p>
      <QueryView query={tenant}>
        {(data) => (
          <>
            <InstitutionStatus tenant={data} />
            <StatusHistory id={id} />
          </>
        )}
      </QueryView>
    </Page>
  );
}

function InstitutionStatus({ tenant }: { tenant: Tenant }) {
  const { t, i18n } = useTranslation('national');
  const queries = useQueryClient();
  const [deciding, setDeciding] = useState<'suspend' | 'reactivate'>();
  const [done, setDone] = useState<'suspended' | 'reactivated'>();
  const id = tenant.id;

  function changed(updated: Tenant, what: 'suspended' | 'reactivated') {
    queries.setQueryData([...keys.tenants, 'one', id], updated);
    void queries.invalidateQueries({ queryKey: keys.tenants });
    setDone(what);
  }
  const suspend = useMutation({
    mutationFn: async (reason: string) => orThrow(await api.POST('/api/tenants/{id}/suspend', { params: { path: { id } }, body: { reason } })),
    onSuccess: (updated) => changed(updated, 'suspended'),
  });
  const reactivate = useMutation({
    mutationFn: async (reason: string) =>
      orThrow(await api.POST('/api/tenants/{id}/reactivate', { params: { path: { id } }, body: { reason: reason || null } })),
    onSuccess: (updated) => changed(updated, 'reactivated'),
  });

  return (
    <>
      {done && <Alert kind="success">{t(`institutions.done.${done}`, { name: tenant.name })}</Alert>}
      <section className="card" aria-labelledby="institution-data">
        <h2 id="institution-data">{t('institutions.data')}</h2>
        <dl className="details">
          <dt>{t('common:field.status')}</dt>
          <dd>
            <TenantBadge status={tenant.status} />
          </dd>
          <dt>{t('field.kind')}</dt>
          <dd>{t(`common:kind.${tenant.kind}`)}</dd>
          <dt>RUC</dt>
          <dd>{tenant.ruc}</dd>
          <dt>{t('field.slug')}</dt>
          <dd>{tenant.slug}</dd>
          <dt>{t('common:field.regions')}</dt>
          <dd>{tenant.regions.map(regionName).join(', ')}</dd>
          <dt>{t('field.activatedAt')}</dt>
          <dd>{formatDate(tenant.activatedAt, i18n.language)}</dd>
          {tenant.status === 'Suspended' && tenant.suspendedAt && (
            <>
              <dt>{t('institutions.suspendedAt')}</dt>
              <dd>{formatDate(tenant.suspendedAt, i18n.language)}</dd>
            </>
          )}
          {tenant.status === 'Suspended' && tenant.suspensionReason && (
            <>
              <dt>{t('institutions.suspensionReason')}</dt>
              <dd>{tenant.suspensionReason}</dd>
            </>
          )}
        </dl>
        <div className="actions">
          {tenant.status === 'Active' ? (
            <button type="button" className="button danger" onClick={() => { setDone(undefined); setDeciding('suspend'); }}>
              {t('institutions.suspend')}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => { setDone(undefined); setDeciding('reactivate'); }}>
              {t('institutions.reactivate')}
            </button>
          )}
          <Link className="button secondary" to={`/nacional/revisiones?institucion=${id}&estado=`}>
            {t('institutions.reviews')}
          </Link>
        </div>
      </section>
      {deciding === 'suspend' && (
        <ReasonDialog
          title={t('institutions.suspendTitle', { name: tenant.name })}
          confirmLabel={t('institutions.suspend')}
          reasonRequired
          onConfirm={async (reason) => void (await suspend.mutateAsync(reason))}
          onClose={() => setDeciding(undefined)}
        />
      )}
      {deciding === 'reactivate' && (
        <ReasonDialog
          title={t('institutions.reactivateTitle', { name: tenant.name })}
          confirmLabel={t('institutions.reactivate')}
          reasonRequired={false}
          onConfirm={async (reason) => void (await reactivate.mutateAsync(reason))}
          onClose={() => setDeciding(undefined)}
        />
      )}
    </>
  );
}

/** Each suspension and reactivation: when, to which status, why and by whom. */
function StatusHistory({ id }: { id: string }) {
  const { t, i18n } = useTranslation('national');
  const history = useQuery({
    queryKey: [...keys.tenants, 'history', id],
    queryFn: async () => orThrow(await api.GET('/api/tenants/{id}/history', { params: { path: { id } } })),
  });
  return (
    <section aria-labelledby="institution-history">
      <h2 id="institution-history">{t('institutions.history')}</h2>
      <QueryView query={history} isEmpty={(data) => data.length === 0} empty={t('institutions.historyEmpty')}>
        {(data) => (
          <DataTable
            caption={t('institutions.historyCaption')}
            rowKey={(row) => `${row.at}-${row.status}`}
            rows={data}
            columns={[
              { key: 'at', header: t('field.when'), rowHeader: true, cell: (row) => formatDateTime(row.at, i18n.language) },
              { key: 'status', header: t('common:field.status'), cell: (row) => <TenantBadge status={row.status} /> },
              { key: 'reason', header: t('common:field.reason'), cell: (row) => row.reason ?? '—' },
              { key: 'actor', header: t('field.actor'), cell: (row) => row.changedByName ?? '—' },
            ]}
          />
        )}
      </QueryView>
    </section>
  );
}
