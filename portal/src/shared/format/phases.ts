/** The methodology's phases in order (0–4), as the Networks service names them; labels in common:phase.*. */
export const phases = ['Preparation', 'PromotionAndSelection', 'PilotBusinessPlan', 'StrategicBusinessPlan', 'Consolidation'] as const;

export type PhaseName = (typeof phases)[number];
