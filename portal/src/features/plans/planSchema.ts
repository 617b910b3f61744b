import { z } from 'zod';
import { lineFigures, type LineValues } from './budget';

/** The editor's fields; the lines are checked live (budget.ts) and here only as a whole. */
export const planSchema = z.object({
  programmeId: z.string().min(1, 'plans:validation.programme'),
  networkId: z.string().min(1, 'plans:validation.network'),
  title: z.string().trim().min(3, 'plans:validation.title').max(200, 'plans:validation.title'),
  objectives: z.string().trim().min(3, 'plans:validation.objectives').max(4000, 'plans:validation.objectives'),
  lines: z
    .array(z.custom<LineValues>())
    .min(1, 'plans:validation.noLines')
    .max(200, 'plans:validation.tooManyLines')
    .refine((lines) => lines.every((line) => lineFigures(line).problems.length === 0), 'plans:validation.lines'),
});

export type PlanValues = z.input<typeof planSchema>;
