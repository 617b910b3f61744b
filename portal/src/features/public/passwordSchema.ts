import { z } from 'zod';

/** A new password typed twice (invitation, reset); Identity's own rules are checked by the server and shown as its errors. */
export const newPasswordSchema = z
  .object({
    password: z.string().min(10, 'validation.passwordLength').max(128, 'validation.passwordLength'),
    confirmPassword: z.string(),
  })
  .refine((values) => values.password === values.confirmPassword, { path: ['confirmPassword'], message: 'validation.passwordsDiffer' });
