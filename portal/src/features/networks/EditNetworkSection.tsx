import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../shared/forms/useForm';
import { SelectField, TextField } from '../../shared/ui/Field';
import { Alert } from '../../shared/ui/States';
import { legalForms, networkKeys, type NetworkDetails } from './api';
import { isStale, networkPath, queued, useNetworkWrites } from './networkWrites';
import { ConflictLink, useDropConflicts, usePendingWrites } from '../../shared/offline/PendingWrites';
import { updateNetworkSchema, type UpdateNetworkValues } from './schemas';

/**
 * Name, legal form and RUC, saved with If-Match of the version read: if someone changed the network meanwhile the
 * server answers 412 and the user reloads it before saving again (nothing is overwritten silently).
 */
export function EditNetworkSection({ network, onSaved, onQueued }: { network: NetworkDetails; onSaved: () => void; onQueued: () => void }) {
  const { t } = useTranslation(['networks', 'common', 'offline']);
  const [open, setOpen] = useState(false);
  // An edit waiting on this device carries the version it was read at: a second one would conflict with it.
  const waiting = usePendingWrites((item) => item.method === 'PUT' && item.path === networkPath(network.id));
  return (
    <section className="section" aria-labelledby="network-edit">
      <h2 id="network-edit">{t('edit.title')}</h2>
      {open ? (
        <EditForm network={network} onDone={(saved) => { setOpen(false); if (saved === 'sent') onSaved(); else if (saved === 'queued') onQueued(); }} />
      ) : waiting.length > 0 ? (
        <p>{t('offline:pending.editWaits')}</p>
      ) : (
        <button type="button" className="button secondary" onClick={() => setOpen(true)}>
          {t('edit.open')}
        </button>
      )}
    </section>
  );
}

function EditForm({ network, onDone }: { network: NetworkDetails; onDone: (saved?: 'sent' | 'queued') => void }) {
  const { t } = useTranslation(['networks', 'common']);
  const queries = useQueryClient();
  const { updateNetwork } = useNetworkWrites();
  const dropConflicts = useDropConflicts();
  const [stale, setStale] = useState(false);
  const initial: UpdateNetworkValues = { name: network.name, legalForm: network.legalForm, ruc: network.ruc ?? '' };
  const { values, set, errors, failure, submitting, handleSubmit, clearDraft } = useForm({
    schema: updateNetworkSchema(network.phase === 'Consolidation'),
    initial,
    draftKey: `network-edit-${network.id}`,
    onSubmit: async (body) => {
      setStale(false);
      try {
        const saved = await updateNetwork(network, network.version, body);
        // Sent: the network as stored (the queue refreshes the lists); queued: it waits on this device.
        if (saved !== queued) queries.setQueryData(networkKeys.one(network.id), saved);
        onDone(saved === queued ? 'queued' : 'sent');
      } catch (error) {
        if (isStale(error)) setStale(true);
        throw error;
      }
    },
  });

  // What the user typed is kept: saved again over the current version, so the refused copy leaves the queue.
  async function reload() {
    await dropConflicts(networkPath(network.id));
    await queries.invalidateQueries({ queryKey: networkKeys.one(network.id) });
    setStale(false);
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      {stale ? (
        <Alert>
          <p>{t('edit.stale')}</p>
          <ConflictLink />
          <button type="button" className="button secondary" onClick={() => void reload()}>
            {t('edit.reload')}
          </button>
        </Alert>
      ) : (
        failure && <Alert>{failure}</Alert>
      )}
      <TextField label={t('field.name')} required maxLength={200} value={values.name} error={errors.name} onChange={(e) => set('name', e.target.value)} />
      <SelectField label={t('field.legalForm')} required value={values.legalForm} error={errors.legalForm} onChange={(e) => set('legalForm', e.target.value as UpdateNetworkValues['legalForm'])}>
        {legalForms.map((f) => (
          <option key={f} value={f}>
            {t(`legalForm.${f}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('field.ruc')} inputMode="numeric" maxLength={11} value={values.ruc} error={errors.ruc} onChange={(e) => set('ruc', e.target.value)} />
      <div className="actions">
        <button type="submit" className="button" disabled={submitting}>
          {t('common:action.save')}
        </button>
        <button type="button" className="button secondary" onClick={() => { clearDraft(); onDone(); }}>
          {t('common:action.cancel')}
        </button>
      </div>
    </form>
  );
}
