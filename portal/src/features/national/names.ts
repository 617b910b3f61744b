import { useTranslation } from 'react-i18next';
import { phases } from '../../shared/format/phases';
import { useValueChainName } from '../../shared/format/valueChains';

/** Names of phases and value chains in the user's language. */
export function useNames() {
  const { t } = useTranslation('common');
  const valueChain = useValueChainName();
  return {
    phase: (minPhase: number | string) => t(`phase.${phases[Number(minPhase)] ?? phases[0]}`),
    valueChain,
  };
}
