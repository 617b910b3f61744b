import { z } from 'zod';
import type { Programme, ProgrammeRequest } from './queries';

/** Soles as typed: digits, an optional decimal point and at most two decimals (es-PE thousands commas are ignored). */
export const moneyPattern = /^\d{1,12}(\.\d{1,2})?$/;
export const cleanMoney = (text: string) => text.replace(/[\s,]/g, '');

/** A money field: an amount of soles ≥ 0 with at most two decimals; positive when zero makes no sense. */
export const money = (positive = false) =>
  z
    .string()
    .transform(cleanMoney)
    .refine((text) => text !== '', { message: 'validation.required', abort: true })
    .refine((text) => moneyPattern.test(text), { message: 'national:validation.money', abort: true })
    .transform(Number)
    .refine((value) => !positive || value > 0, { message: 'national:validation.moneyPositive', abort: true });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'national:validation.date');

/**
 * The programme form. The network's minimum share is typed as a percentage (30 = 30 %) and sent as the fraction the
 * service keeps (0.30), which must stay below 1; both amounts must be positive, the per-plan maximum within the budget.
 */
export const programmeSchema = z
  .object({
    name: z.string().trim().min(3, 'validation.nameLength').max(200, 'validation.nameLength'),
    funder: z.string().trim().min(2, 'national:validation.funderLength').max(200, 'national:validation.funderLength'),
    totalBudgetPen: money(true),
    maxProgrammeFundsPerPlanPen: money(true),
    minSharePercent: z
      .string()
      .trim()
      .refine((text) => text !== '', { message: 'validation.required', abort: true })
      .refine((text) => /^\d{1,3}(\.\d{1,2})?$/.test(text) && Number(text) < 100, { message: 'national:validation.share', abort: true })
      .transform(Number),
    startsOn: isoDate,
    endsOn: isoDate,
    minPhase: z.enum(['0', '1', '2', '3', '4'], { message: 'validation.required' }),
    eligibleValueChains: z.array(z.string()),
    eligibleRegions: z.array(z.string()),
    isPublic: z.boolean(),
  })
  .refine((values) => values.maxProgrammeFundsPerPlanPen <= values.totalBudgetPen, {
    path: ['maxProgrammeFundsPerPlanPen'],
    message: 'national:validation.maxAboveBudget',
  })
  .refine((values) => values.endsOn >= values.startsOn, { path: ['endsOn'], message: 'national:validation.datesOrder' })
  .transform(
    ({ minSharePercent, minPhase, ...rest }): ProgrammeRequest => ({
      ...rest,
      name: rest.name,
      minNetworkContributionShare: Math.round(minSharePercent * 100) / 10_000,
      minPhase: Number(minPhase),
    }),
  );

export type ProgrammeValues = z.input<typeof programmeSchema>;

export const emptyProgramme: ProgrammeValues = {
  name: '', funder: '', totalBudgetPen: '', maxProgrammeFundsPerPlanPen: '', minSharePercent: '', startsOn: '', endsOn: '',
  minPhase: '2', eligibleValueChains: [], eligibleRegions: [], isPublic: false,
};

/** A published programme as the form's values, to edit it. */
export function programmeValues(programme: Programme): ProgrammeValues {
  return {
    name: programme.name,
    funder: programme.funder,
    totalBudgetPen: Number(programme.totalBudgetPen).toFixed(2),
    maxProgrammeFundsPerPlanPen: Number(programme.maxProgrammeFundsPerPlanPen).toFixed(2),
    minSharePercent: String(Math.round(Number(programme.minNetworkContributionShare) * 10_000) / 100),
    startsOn: programme.startsOn,
    endsOn: programme.endsOn,
    minPhase: String(programme.minPhase) as ProgrammeValues['minPhase'],
    eligibleValueChains: [...programme.eligibleValueChains],
    eligibleRegions: [...programme.eligibleRegions],
    isPublic: programme.isPublic,
  };
}
