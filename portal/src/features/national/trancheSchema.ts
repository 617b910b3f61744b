import { z } from 'zod';
import { money } from './programmeSchema';
import type { DisbursementRequest } from './queries';

/** A tranche of national funds: a positive amount no larger than what remains of the approved funds, a date, a reference. */
export function trancheSchema(remainingPen: number) {
  return z
    .object({
      amountPen: money(true).refine((amount) => amount <= remainingPen, 'national:validation.trancheAboveRemaining'),
      on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'national:validation.date'),
      reference: z.string().trim().min(1, 'validation.required').max(100, 'national:validation.referenceLength'),
    })
    .transform((values): DisbursementRequest => values);
}

export type TrancheValues = z.input<ReturnType<typeof trancheSchema>>;
