import { z } from 'zod';
import { rucProblem } from '../../shared/format/ruc';

export const institutionKinds = ['Public', 'Private', 'Ngo', 'Cooperative', 'Financial'] as const;

/** Mirrors the Tenants service's ApplicationRequest rules; messages are translation keys. */
export const applicationSchema = z
  .object({
    institutionName: z.string().trim().min(3, 'validation.nameLength').max(200, 'validation.nameLength'),
    kind: z.enum(institutionKinds, { message: 'validation.required' }),
    ruc: z.string().trim().superRefine((value, context) => {
      const problem = rucProblem(value);
      if (problem) context.addIssue({ code: 'custom', message: `public:apply.ruc.${problem}` });
    }),
    regions: z.array(z.string()).min(1, 'validation.regionsRequired'),
    slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/, 'public:apply.slugRule'),
    adminFullName: z.string().trim().min(3, 'validation.nameLength').max(200, 'validation.nameLength'),
    adminEmail: z.email('validation.email').max(256, 'validation.email'),
    adminPassword: z.string().min(10, 'validation.passwordLength').max(128, 'validation.passwordLength'),
    confirmPassword: z.string(),
  })
  .refine((values) => values.adminPassword === values.confirmPassword, { path: ['confirmPassword'], message: 'validation.passwordsDiffer' });

export type ApplicationValues = z.input<typeof applicationSchema>;

/** "Gobierno Regional de Puno" → "gobierno-regional-de-puno": a suggestion the applicant can change. */
export function suggestSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}
