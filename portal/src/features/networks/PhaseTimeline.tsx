import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format/format';
import { phases } from '../../shared/format/phases';
import { QueryView } from '../../shared/ui/States';
import { entryEvidence, usePhases, type NetworkDetails, type PhaseChangeDto } from './api';
import { EvidenceList } from './EvidenceList';

/** The methodology's steps in order, done / current / next, each with the changes that reached it and their evidence. */
export function PhaseTimeline({ network }: { network: NetworkDetails }) {
  const { t, i18n } = useTranslation(['networks', 'common']);
  const history = usePhases(network.id);
  const current = phases.indexOf(network.phase);
  return (
    <section className="section" aria-labelledby="network-phases">
      <h2 id="network-phases">{t('phase.title')}</h2>
      <QueryView query={history}>
        {(changes) => (
          <ol className="timeline">
            {phases.map((phase, index) => {
              const state = index < current ? 'done' : index === current ? 'current' : 'next';
              const reached = changes.filter((c) => c.toPhase === phase);
              return (
                <li key={phase} className={state} aria-current={state === 'current' ? 'step' : undefined}>
                  <h3>{t(`common:phase.${phase}`)}</h3>
                  <p className="state">{t(`phase.state.${state}`)}</p>
                  {index === 0 && <p>{t('phase.formedOn', { date: formatDate(network.formedOn, i18n.language) })}</p>}
                  {reached.map((change) => (
                    <PhaseEntry key={change.recordedAt} change={change} />
                  ))}
                </li>
              );
            })}
          </ol>
        )}
      </QueryView>
    </section>
  );
}

function PhaseEntry({ change }: { change: PhaseChangeDto }) {
  const { t, i18n } = useTranslation(['networks', 'common']);
  const { files, note } = entryEvidence(change);
  const back = phases.indexOf(change.toPhase) < phases.indexOf(change.fromPhase);
  return (
    <div className="phase-entry">
      <p>
        {t(back ? 'phase.entryBack' : 'phase.entry', {
          date: formatDate(change.on, i18n.language),
          who: change.actorName ?? t('phase.someone'),
        })}
      </p>
      {note && <p>{note}</p>}
      {change.reason && <p>{t('phase.reason', { reason: change.reason })}</p>}
      {change.documentUrl && (
        <p>
          <a href={change.documentUrl} target="_blank" rel="noopener noreferrer">
            {t('phase.documentLink')}
          </a>
        </p>
      )}
      <EvidenceList files={files} />
    </div>
  );
}
