import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../shared/forms/useForm';
import { SelectField, TextField } from '../../shared/ui/Field';
import { Alert } from '../../shared/ui/States';
import { legalForms, networkKeys, type NetworkDetails } from './api';
import { isStale, updateNetwork } from './networkWrites';
import { updateNetworkSchema, type UpdateNetworkValues } from './schemas';

/**
 * Name, legal form and RUC, saved with If-Match of the version read: if someone changed the network meanwhile the
 * server answers 412 and the user reloads it before saving again (nothing is overwritten silently).
 */
export function EditNetworkSection({ network, onSaved }: { network: NetworkDetails; onSaved: () => void }) {
  const { t } = useTranslation(['networks', 'common']);
  const [open, setOpen] = useState(false);
  return (
    <section className="section" aria-labelledby="network-edit">
      <h2 id="network-edit">{t('edit.title')}</h2>
      {open ? (
        <EditForm network={network} onDone={(saved) => { setOpen(false); if (saved) onSaved(); }} />
      ) : (
        <button type="button" className="button secondary" onClick={() => setOpen(true)}>
          {t('edit.open')}
        </button>
      )}
    </section>
  );
}

function EditForm({ network, onDone }: { network: NetworkDetails; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation(['networks', 'common']);
  const queries = useQueryClient();
  const [stale, setStale] = useState(false);
  const initial: UpdateNetworkValues = { name: network.name, legalForm: network.legalForm, ruc: network.ruc ?? '' };
  const { values, set, errors, failure, submitting, handleSubmit, clearDraft } = useForm({
    schema: updateNetworkSchema(network.phase === 'Consolidation'),
    initial,
    draftKey: `network-edit-${network.id}`,
    onSubmit: async (body) => {
      setStale(false);
      try {
        const saved = await updateNetwork(network.id, network.version, body);
        queries.setQueryData(networkKeys.one(network.id), saved);
        void queries.invalidateQueries({ queryKey: ['networks', 'list'] });
        onDone(true);
      } catch (error) {
        if (isStale(error)) setStale(true);
        throw error;
      }
    },
  });

  async function reload() {
    await queries.invalidateQueries({ queryKey: networkKeys.one(network.id) });
    setStale(false);
  }

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      {stale ? (
        <Alert>
          <p>{t('edit.stale')}</p>
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
        <button type="button" className="button secondary" onClick={() => { clearDraft(); onDone(false); }}>
          {t('common:action.cancel')}
        </button>
      </div>
    </form>
  );
}
