import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhaseName } from '../../shared/format/phases';
import { useForm } from '../../shared/forms/useForm';
import { TextAreaField, TextField } from '../../shared/ui/Field';
import { Alert } from '../../shared/ui/States';
import { peruToday, usePhases, type NetworkDetails } from './api';
import { EvidenceInput } from './EvidenceInput';
import { networkPath, queued, useNetworkWrites, type EvidenceUpload } from './networkWrites';
import { usePendingWrites } from '../../shared/offline/PendingWrites';
import { advancePhaseSchema, nextPhase, type AdvancePhaseValues } from './schemas';

/**
 * Advancing to the next phase with a note and attachments: the files are uploaded first (each with its own id), then
 * the change names them. Consolidation needs the network's RUC first (PhaseRules).
 */
export function AdvancePhaseSection({ network, onAdvanced, onQueued }: { network: NetworkDetails; onAdvanced: (phase: PhaseName) => void; onQueued: () => void }) {
  const { t } = useTranslation(['networks', 'common', 'offline']);
  const next = nextPhase(network.phase);
  const history = usePhases(network.id);
  // An advance waiting on this device: the phase changes when it is sent (a second one would ask for the same step).
  const waiting = usePendingWrites((item) => item.path === `${networkPath(network.id)}/phase`);
  if (!next) return null;
  const lastChange = (history.data ?? []).reduce<string>((latest, c) => (c.on > latest ? c.on : latest), network.formedOn);
  return (
    <section className="section" aria-labelledby="network-advance">
      <h2 id="network-advance">{t('phase.advanceTitle', { phase: t(`common:phase.${next}`) })}</h2>
      {waiting.length > 0 ? (
        <p>{t('offline:pending.editWaits')}</p>
      ) : next === 'Consolidation' && !network.ruc ? (
        <Alert kind="info">{t('phase.needsRuc')}</Alert>
      ) : (
        <AdvanceForm key={network.phase} network={network} next={next} notBefore={lastChange} onAdvanced={onAdvanced} onQueued={onQueued} />
      )}
    </section>
  );
}

interface AdvanceFormProps {
  network: NetworkDetails;
  next: PhaseName;
  notBefore: string;
  onAdvanced: (phase: PhaseName) => void;
  onQueued: () => void;
}

function AdvanceForm({ network, next, notBefore, onAdvanced, onQueued }: AdvanceFormProps) {
  const { t } = useTranslation(['networks', 'common']);
  const { advancePhase } = useNetworkWrites();
  const today = peruToday();
  const [files, setFiles] = useState<EvidenceUpload[]>([]);
  const [preparing, setPreparing] = useState(false);
  const initial: AdvancePhaseValues = { on: today, evidence: '', documentUrl: '' };
  const { values, set, errors, failure, submitting, handleSubmit } = useForm({
    schema: advancePhaseSchema({ today, notBefore }),
    initial,
    draftKey: `network-phase-${network.id}-${next}`,
    onSubmit: async (body) => {
      // The files first (queued before the advance that names them), then the advance; the queue refreshes the network.
      const answer = await advancePhase(network, { ...body, toPhase: next, reason: null }, files);
      setFiles([]);
      if (answer === queued) onQueued();
      else onAdvanced(next);
    },
  });

  return (
    <form className="stack" onSubmit={handleSubmit} noValidate>
      {failure && <Alert>{failure}</Alert>}
      <TextField label={t('phase.on')} type="date" required min={notBefore} max={today} value={values.on} error={errors.on} onChange={(e) => set('on', e.target.value)} />
      <TextAreaField label={t('phase.note')} hint={t('phase.noteHint')} required rows={4} maxLength={2000} value={values.evidence} error={errors.evidence} onChange={(e) => set('evidence', e.target.value)} />
      <TextField label={t('phase.documentUrl')} hint={t('phase.documentUrlHint')} type="url" maxLength={500} value={values.documentUrl} error={errors.documentUrl} onChange={(e) => set('documentUrl', e.target.value)} />
      <EvidenceInput files={files} onChange={setFiles} onBusy={setPreparing} />
      <div className="actions">
        <button type="submit" className="button" disabled={submitting || preparing}>
          {t('phase.advance')}
        </button>
      </div>
    </form>
  );
}
