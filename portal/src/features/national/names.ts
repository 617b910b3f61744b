import { useTranslation } from 'react-i18next';

/** The methodology's phases by number (a programme's minPhase), named in common:phase.*. */
export const phases = ['Preparation', 'PromotionAndSelection', 'PilotBusinessPlan', 'StrategicBusinessPlan', 'Consolidation'] as const;

/**
 * The national value-chain catalogue (Networks' NationalValueChains). The national unit cannot read /api/value-chains
 * (a tenant member's list), so their names live in the national namespace; a tenant's own chain shows its code.
 */
export const nationalValueChains = [
  'cuy', 'dairy', 'dairy-derivatives', 'canihua', 'quinoa', 'granadilla', 'mango', 'coffee', 'cacao', 'native-potato',
  'alpaca-fibre', 'honey', 'trout', 'avocado', 'tara', 'maca', 'beans', 'barley', 'oca-olluco', 'handicrafts',
] as const;

/** Names of phases and value chains in the user's language. */
export function useNames() {
  const { t } = useTranslation(['national', 'common']);
  return {
    phase: (minPhase: number | string) => t(`common:phase.${phases[Number(minPhase)] ?? phases[0]}`),
    valueChain: (code: string) => t(`national:valueChain.${code}`, { defaultValue: code }),
  };
}
