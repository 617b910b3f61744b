import { useTranslation } from 'react-i18next';
import { formatDate, formatInteger } from '../../shared/format/format';
import { regionName } from '../../shared/format/regions';
import { useValueChainName } from '../../shared/format/valueChains';
import type { NetworkDetails } from './api';

export function NetworkSummaryCard({ network }: { network: NetworkDetails }) {
  const { t, i18n } = useTranslation(['networks', 'common']);
  const chainName = useValueChainName();
  return (
    <section className="card" aria-labelledby="network-summary">
      <h2 id="network-summary">{t('detail.summary')}</h2>
      <dl className="details">
        <dt>{t('field.chain')}</dt>
        <dd>{chainName(network.valueChainCode)}</dd>
        <dt>{t('common:field.region')}</dt>
        <dd>{regionName(network.regionCode)}</dd>
        <dt>{t('field.phase')}</dt>
        <dd>{t(`common:phase.${network.phase}`)}</dd>
        <dt>{t('field.specialist')}</dt>
        <dd>{network.specialistName ?? '—'}</dd>
        <dt>{t('field.leader')}</dt>
        <dd>{network.leader?.fullName ?? '—'}</dd>
        <dt>{t('field.members')}</dt>
        <dd>{t('detail.memberCounts', { members: formatInteger(Number(network.memberCount)), women: formatInteger(Number(network.femaleMemberCount)) })}</dd>
        <dt>{t('field.womenLed')}</dt>
        <dd>{network.womenLed ? t('yes') : t('no')}</dd>
        <dt>{t('field.formedOn')}</dt>
        <dd>{formatDate(network.formedOn, i18n.language)}</dd>
        <dt>{t('field.legalForm')}</dt>
        <dd>{t(`legalForm.${network.legalForm}`)}</dd>
        <dt>{t('field.ruc')}</dt>
        <dd>{network.ruc ?? '—'}</dd>
      </dl>
    </section>
  );
}
