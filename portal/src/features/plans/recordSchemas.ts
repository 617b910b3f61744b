import { z } from 'zod';
import { parseCents, soles, type Cents } from './money';
import type { ContributionRequest, DisbursementRequest } from './queries';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'plans:validation.date');

/** Soles as typed, into céntimos: empty is zero, a third decimal or a negative is refused. */
const amount = z
  .string()
  .transform((text, context) => {
    if (text.trim() === '') return 0;
    const cents = parseCents(text);
    if (cents === null) {
      context.addIssue({ code: 'custom', message: 'plans:validation.money' });
      return z.NEVER;
    }
    return cents;
  });

/** A tranche of the programme's funds: positive, within what remains to disburse, dated, with a reference. */
export function disbursementSchema(remaining: Cents) {
  return z
    .object({
      amountPen: amount
        .refine((cents) => cents > 0, { message: 'plans:validation.moneyPositive', abort: true })
        .refine((cents) => cents <= remaining, 'plans:validation.aboveRemaining'),
      on: isoDate,
      reference: z.string().trim().min(1, 'validation.required').max(100, 'plans:validation.reference'),
    })
    .transform((values): DisbursementRequest => ({ ...values, amountPen: soles(values.amountPen) }));
}

/** What the network put in: cash and in kind (at least one of them), dated and described. */
export const contributionSchema = z
  .object({
    cashPen: amount,
    inKindPen: amount,
    on: isoDate,
    description: z.string().trim().min(2, 'plans:validation.description').max(500, 'plans:validation.description'),
  })
  .refine((values) => values.cashPen + values.inKindPen > 0, { path: ['cashPen'], message: 'plans:validation.contributionEmpty' })
  .transform((values): ContributionRequest => ({ ...values, cashPen: soles(values.cashPen), inKindPen: soles(values.inKindPen) }));
