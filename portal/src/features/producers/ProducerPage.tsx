import { Fragment, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { formatDate, formatDateTime } from '../../shared/format/format';
import { regionName } from '../../shared/format/regions';
import { hasRole, useUser } from '../../shared/session/session';
import { ConfirmDialog } from '../../shared/ui/ConfirmDialog';
import { Page } from '../../shared/ui/Page';
import { Alert, ErrorState, Loading, QueryView } from '../../shared/ui/States';
import { canEditProducer, fullName, producerKeys, useDistricts, useProducer, type Producer } from './api';
import { ErasureSection } from './ErasureSection';
import { IncomesSection } from './IncomesSection';
import { ProducerForm } from './ProducerForm';
import { valuesOf } from './producerSchema';
import { isQueuedEditOf, producerPath, queued, useProducerWrites } from './producerWrites';
import { ConflictLink, QueuedNotice, useDropConflicts, usePendingWrites } from '../../shared/offline/PendingWrites';
import { isConflict } from '../../shared/offline/answer';
import type { ProducerRequest } from './api';

/** One producer: their data, their incomes, and for those who may, editing, recording incomes and (de)activating. */
export default function ProducerPage() {
  const { t } = useTranslation(['producers', 'common']);
  const { id = '' } = useParams();
  const producer = useProducer(id);
  const user = useUser();

  return (
    <QueryView query={producer}>
      {(found) => {
        const erased = !!found.erasedAt;
        const editable = canEditProducer(user.data, found);
        return (
          <Page
            title={erased ? t('erasure.anonymous') : fullName(found)}
            lead={erased ? t('erasure.lead') : found.isActive ? t('detail.lead') : t('detail.inactiveLead')}
            actions={
              <Link className="button secondary" to="/productores">
                {t('list.title')}
              </Link>
            }
          >
            <DetailsSection producer={found} />
            <PendingEditSection producer={found} />
            {editable && !erased && <EditSection producer={found} />}
            <IncomesSection producerId={found.id} editable={editable} />
            {editable && <StatusSection producer={found} />}
            {!erased && hasRole(user.data, 'TenantAdmin') && <ErasureSection producer={found} />}
          </Page>
        );
      }}
    </QueryView>
  );
}

function DetailsSection({ producer }: { producer: Producer }) {
  const { t, i18n } = useTranslation(['producers', 'common']);
  return (
    <section className="card" aria-labelledby="producer-details">
      <h2 id="producer-details">{t('detail.data')}</h2>
      <dl className="details">
        <dt>{t('field.dni')}</dt>
        <dd>{producer.dni ?? '—'}</dd>
        <dt>{t('field.gender')}</dt>
        <dd>{t(`gender.${producer.gender}`)}</dd>
        <dt>{t('field.birthYear')}</dt>
        <dd>{producer.birthYear}</dd>
        <dt>{t('field.district')}</dt>
        <dd>
          {producer.districtName} · {regionName(producer.regionCode)}
        </dd>
        <dt>{t('field.phone')}</dt>
        <dd>{producer.phone ?? '—'}</dd>
        <dt>{t('field.consentDate')}</dt>
        <dd>{producer.consentDate ? formatDate(producer.consentDate, i18n.language) : t('detail.noConsentDate')}</dd>
        {producer.consentWithdrawnOn && (
          <>
            <dt>{t('erasure.consentWithdrawnOn')}</dt>
            <dd>{formatDate(producer.consentWithdrawnOn, i18n.language)}</dd>
          </>
        )}
        {producer.erasedAt && (
          <>
            <dt>{t('erasure.erasedAt')}</dt>
            <dd>{formatDateTime(producer.erasedAt, i18n.language)}</dd>
          </>
        )}
        <dt>{t('common:field.status')}</dt>
        <dd>{producer.isActive ? t('status.active') : t('status.inactive')}</dd>
        <dt>{t('detail.registered')}</dt>
        <dd>{formatDateTime(producer.createdAt, i18n.language)}</dd>
        <dt>{t('detail.updated')}</dt>
        <dd>{formatDateTime(producer.updatedAt, i18n.language)}</dd>
      </dl>
    </section>
  );
}

/** An edit of this producer that waits on this device: the values it will send, beside the state of the write. */
function PendingEditSection({ producer }: { producer: Producer }) {
  const { t, i18n } = useTranslation(['producers', 'offline']);
  const items = usePendingWrites(isQueuedEditOf(producer.id));
  const districts = useDistricts(producer.regionCode);
  const last = items.at(-1);
  if (!last) return null;
  const mine = last.body as ProducerRequest;
  const district = (code: string) => districts.data?.find((d) => d.code === code)?.name ?? code;
  const rows: [string, string, string][] = [
    [t('field.dni'), producer.dni ?? '—', mine.dni],
    [t('field.firstNames'), producer.firstNames, mine.firstNames],
    [t('field.lastNames'), producer.lastNames, mine.lastNames],
    [t('field.gender'), t(`gender.${producer.gender}`), t(`gender.${mine.gender}`)],
    [t('field.birthYear'), String(producer.birthYear), String(mine.birthYear)],
    [t('field.district'), district(producer.districtCode), district(mine.districtCode)],
    [t('field.phone'), producer.phone ?? '—', mine.phone ?? '—'],
    [t('field.consentDate'), producer.consentDate ? formatDate(producer.consentDate, i18n.language) : '—', mine.consentDate ? formatDate(mine.consentDate, i18n.language) : '—'],
  ];
  const changed = rows.filter(([, now, then]) => now !== then);
  return (
    <section className="card" aria-labelledby="producer-pending">
      <h2 id="producer-pending">{t('offline:pending.title')}</h2>
      <p>
        {t('offline:state.label')}: {t(`offline:state.${last.state}`)}
      </p>
      {changed.length > 0 && (
        <dl className="details">
          {changed.map(([label, , value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      <p>
        <Link to="/sincronizacion">{t('offline:result.seeQueue')}</Link>
      </p>
    </section>
  );
}

/**
 * The edit form sends the version it was read at; when someone else changed the producer meanwhile the server refuses
 * (412) and the user reloads the current data instead of overwriting it.
 */
function EditSection({ producer }: { producer: Producer }) {
  const { t } = useTranslation(['producers', 'common', 'offline']);
  const queries = useQueryClient();
  const { update } = useProducerWrites();
  const waiting = usePendingWrites(isQueuedEditOf(producer.id));
  const dropConflicts = useDropConflicts();
  const districts = useDistricts(producer.regionCode);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<'sent' | 'queued'>();
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);

  // Starting again from the current data abandons the refused edit: it leaves the queue too.
  async function reload() {
    setReloading(true);
    try {
      await dropConflicts(producerPath(producer.id));
      await queries.refetchQueries({ queryKey: producerKeys.one(producer.id) });
    } finally {
      setReloading(false);
      setConflict(false);
    }
  }

  const conflictNotice = conflict && (
    <Alert>
      <p>{t('edit.conflict')}</p>
      <ConflictLink />
      <button type="button" className="button secondary" disabled={reloading} onClick={() => void reload()}>
        {t('edit.reload')}
      </button>
    </Alert>
  );

  return (
    <section className="card" aria-labelledby="producer-edit">
      <h2 id="producer-edit">{t('edit.title')}</h2>
      {saved === 'sent' && <Alert kind="success">{t('common:state.saved')}</Alert>}
      {saved === 'queued' && <QueuedNotice />}
      {!editing ? (
        waiting.length > 0 ? (
          <p>{t('offline:pending.editWaits')}</p>
        ) : (
          <button type="button" className="button" onClick={() => { setSaved(undefined); setEditing(true); }}>
            {t('edit.open')}
          </button>
        )
      ) : districts.isPending ? (
        <Loading />
      ) : districts.isError ? (
        <ErrorState error={districts.error} onRetry={() => void districts.refetch()} />
      ) : (
        <ProducerForm
          key={producer.version}
          initial={valuesOf(producer, districts.data.find((d) => d.code === producer.districtCode)?.provinceName ?? '')}
          draftKey={`producers.edit.${producer.id}`}
          submitLabel={t('common:action.save')}
          notice={conflictNotice}
          onSubmit={async (body) => {
            try {
              const answer = await update(producer.id, body, producer.version);
              // Sent: the answer is the producer as stored (the queue refreshes the lists); queued: it waits here.
              if (answer !== queued) queries.setQueryData(producerKeys.one(producer.id), answer);
              setEditing(false);
              setSaved(answer === queued ? 'queued' : 'sent');
            } catch (error) {
              if (isConflict(error)) setConflict(true);
              else throw error;
            }
          }}
        >
          <button type="button" className="button secondary" onClick={() => { setEditing(false); setConflict(false); }}>
            {t('common:action.cancel')}
          </button>
        </ProducerForm>
      )}
    </section>
  );
}

/** Deactivating keeps the producer's history (memberships, incomes) and takes them off the active lists. */
function StatusSection({ producer }: { producer: Producer }) {
  const { t } = useTranslation(['producers', 'common']);
  const queries = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string>();
  const deactivating = producer.isActive;
  const name = fullName(producer);

  async function change() {
    const params = { params: { path: { id: producer.id } } };
    const result = deactivating
      ? await api.POST('/api/producers/{id}/deactivate', params)
      : await api.POST('/api/producers/{id}/reactivate', params);
    queries.setQueryData(producerKeys.one(producer.id), orThrow(result));
    await queries.invalidateQueries({ queryKey: ['producers', 'list'] });
    setDone(deactivating ? t('status.deactivated') : t('status.reactivated'));
  }

  return (
    <section className="card" aria-labelledby="producer-status">
      <h2 id="producer-status">{t('status.title')}</h2>
      {done && <Alert kind="success">{done}</Alert>}
      <p>{producer.isActive ? t('status.activeText') : t('status.inactiveText')}</p>
      <button type="button" className={deactivating ? 'button danger' : 'button'} onClick={() => { setDone(undefined); setConfirming(true); }}>
        {deactivating ? t('status.deactivate') : t('status.reactivate')}
      </button>
      {confirming && (
        <ConfirmDialog
          title={deactivating ? t('status.deactivateTitle', { name }) : t('status.reactivateTitle', { name })}
          confirmLabel={deactivating ? t('status.deactivate') : t('status.reactivate')}
          danger={deactivating}
          onConfirm={change}
          onClose={() => setConfirming(false)}
        >
          <p>{deactivating ? t('status.deactivateText') : t('status.reactivateText')}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
