import { useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../shared/session/session';
import { Page } from '../../shared/ui/Page';
import { Alert, ErrorState, Loading, QueryView } from '../../shared/ui/States';
import { Link } from 'react-router';
import { actionsFor } from './actions';
import { NationalDesk } from './NationalDesk';
import { useState } from 'react';
import { PlanDetail, type Done } from './PlanDetail';
import { PlanEditor, type Notice } from './PlanEditor';
import { PlanHistory } from './PlanHistory';
import { usePlan, useNetworks, useProgrammes, type Plan } from './queries';
import { StatusBadge } from './StatusBadge';
import './plans.css';

/** One plan: the editor while it is a draft or returned and the person may edit it, else its detail with the actions. */
export default function PlanPage() {
  const { t } = useTranslation('plans');
  const { id = '' } = useParams();
  const plan = usePlan(id);
  const location = useLocation();
  const state = (location.state ?? {}) as { notice?: Notice; failure?: string };
  return (
    <Page title={plan.data?.title ?? t('detail.title')} lead={plan.data ? <StatusBadge status={plan.data.status} /> : undefined}>
      <p>
        <Link to="/planes">{t('detail.back')}</Link>
      </p>
      {state.notice && <Alert kind={state.notice === 'savedNotSubmitted' ? 'info' : 'success'}>{t(`notice.${state.notice}`)}</Alert>}
      {state.failure && <Alert>{state.failure}</Alert>}
      <QueryView query={plan}>{(data) => <PlanView plan={data} />}</QueryView>
    </Page>
  );
}

function PlanView({ plan }: { plan: Plan }) {
  const { t } = useTranslation('plans');
  const [done, setDone] = useState<Done>();
  const user = useUser();
  const programmes = useProgrammes();
  const networks = useNetworks();
  // The network list only names the network and tells whose it is: without it the plan still shows, read-only.
  if (user.isPending || programmes.isPending || networks.isPending) return <Loading />;
  if (programmes.isError) return <ErrorState error={programmes.error} onRetry={() => void programmes.refetch()} />;
  const programme = programmes.data?.find((p) => p.id === plan.programmeId);
  const network = networks.data?.find((n) => n.id === plan.networkId);
  const editing = actionsFor(plan, programme, network, user.data).includes('edit');
  const returned = plan.status === 'Returned' ? [...plan.history].reverse().find((step) => step.toStatus === 'Returned') : undefined;
  return (
    <>
      {done && <Alert kind="success">{t(`done.${done}`)}</Alert>}
      {programme?.isNational && <NationalDesk plan={plan} />}
      {returned && !programme?.isNational && (
        <Alert kind="info">
          <p>{t('detail.returnedBy', { name: returned.actorName ?? '—' })}</p>
          {returned.comment && <p>{t('detail.returnedReason', { reason: returned.comment })}</p>}
        </Alert>
      )}
      {editing ? (
        <>
          <PlanEditor key={plan.id} plan={plan} programmes={programmes.data ?? []} networks={networks.data ?? []} />
          <PlanHistory plan={plan} />
        </>
      ) : (
        <PlanDetail plan={plan} programme={programme} network={network} networks={networks.data ?? []} user={user.data} onDone={setDone} />
      )}
    </>
  );
}
