import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../shared/session/session';
import { Page } from '../../shared/ui/Page';
import { Alert, QueryView } from '../../shared/ui/States';
import { canEditNetwork, canHandOver, useNetwork } from './api';
import { AdvancePhaseSection } from './AdvancePhaseSection';
import { EditNetworkSection } from './EditNetworkSection';
import { HandOverSection } from './HandOverSection';
import { HistorySection } from './HistorySection';
import { MembersSection } from './MembersSection';
import { NetworkSummaryCard } from './NetworkSummaryCard';
import { PhaseTimeline } from './PhaseTimeline';
import { isQueuedFor } from './networkWrites';
import { PendingWrites, QueuedNotice, usePendingWrites } from '../../shared/offline/PendingWrites';
import './networks.css';

/** One network: its summary, members, phases with their evidence, histories and the changes the caller may make. */
export default function NetworkPage() {
  const { id = '' } = useParams();
  const network = useNetwork(id);
  return (
    <QueryView query={network}>{(data) => <NetworkView network={data} />}</QueryView>
  );
}

function NetworkView({ network }: { network: NonNullable<ReturnType<typeof useNetwork>['data']> }) {
  const { t } = useTranslation('networks');
  const user = useUser().data;
  const location = useLocation();
  const formed = (location.state as { formed?: boolean } | null)?.formed === true;
  const [notice, setNotice] = useState<string | undefined>(formed ? t('detail.formed') : undefined);
  const [waitingNotice, setWaitingNotice] = useState(false);
  const waiting = usePendingWrites(isQueuedFor(network.id));
  const tell = (text: string) => { setWaitingNotice(false); setNotice(text); };
  const queued = () => { setNotice(undefined); setWaitingNotice(true); };
  const editable = canEditNetwork(user, network.specialistId);

  return (
    <Page
      title={network.name}
      lead={t('detail.lead')}
      actions={
        <Link className="button secondary" to={`/redes/${network.id}/monitoreo`}>
          {t('detail.monitoring')}
        </Link>
      }
    >
      {notice && <Alert kind="success">{notice}</Alert>}
      {waitingNotice && <QueuedNotice />}
      <PendingWrites items={waiting} />
      <NetworkSummaryCard network={network} />
      {editable && <EditNetworkSection network={network} onSaved={() => tell(t('edit.saved'))} onQueued={queued} />}
      <PhaseTimeline network={network} />
      {editable && (
        <AdvancePhaseSection network={network} onAdvanced={(phase) => tell(t('phase.advanced', { phase: t(`common:phase.${phase}`) }))} onQueued={queued} />
      )}
      <MembersSection network={network} editable={editable} onChanged={setNotice} />
      <HistorySection networkId={network.id} />
      {canHandOver(user) && <HandOverSection network={network} onHandedOver={(name) => setNotice(t('handOver.done', { name }))} />}
    </Page>
  );
}
