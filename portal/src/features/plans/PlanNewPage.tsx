import { useSearchParams } from 'react-router';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../shared/session/session';
import { Page } from '../../shared/ui/Page';
import { Alert, ErrorState, Loading, NotAllowed } from '../../shared/ui/States';
import { PlanEditor } from './PlanEditor';
import { canDraftFor, mayDraft, useNetworks, useProgrammes } from './queries';
import './plans.css';

/** A new business plan, for a network given in the address (?red=) or chosen here. */
export default function PlanNewPage() {
  const { t } = useTranslation('plans');
  const [search] = useSearchParams();
  const networkId = search.get('red') ?? '';
  const user = useUser();
  const programmes = useProgrammes();
  const networks = useNetworks();

  function content() {
    if (user.isPending) return <Loading />;
    if (!mayDraft(user.data)) return <NotAllowed />;
    if (programmes.isPending || networks.isPending) return <Loading />;
    if (programmes.isError) return <ErrorState error={programmes.error} onRetry={() => void programmes.refetch()} />;
    if (networks.isError) return <ErrorState error={networks.error} onRetry={() => void networks.refetch()} />;
    if (!programmes.data.some((p) => !p.closedAt)) return <Alert kind="info">{t('editor.noProgrammes')}</Alert>;
    // A specialist drafts for the networks in their charge; supervisors and admins for any of the institution's.
    const mine = networks.data.filter((n) => canDraftFor(user.data, n));
    if (mine.length === 0) return <Alert kind="info">{t('editor.noNetworks')}</Alert>;
    const known = mine.some((n) => n.id === networkId);
    return (
      <>
        {networkId && !known && <Alert kind="info">{t('editor.unknownNetwork')}</Alert>}
        <PlanEditor networkId={known ? networkId : ''} programmes={programmes.data} networks={mine} />
      </>
    );
  }

  return (
    <Page title={t('editor.newTitle')} lead={t('editor.newLead')}>
      <p>
        <Link to="/planes">{t('detail.back')}</Link>
      </p>
      {content()}
    </Page>
  );
}
