import { z } from 'zod';
import { tenantRoles } from '../api';

// Mirrors the Tenants service's staff rules; messages are translation keys.
const fullName = z.string().trim().min(3, 'validation.nameLength').max(200, 'validation.nameLength');
const dni = z.string().trim().regex(/^(\d{8})?$/, 'admin:validation.dni');
const phone = z.string().trim().regex(/^(\+?[\d\s()-]{6,20})?$/, 'admin:validation.phone');
const orgUnitId = z.string();
const roles = z.array(z.enum(tenantRoles)).min(1, 'admin:validation.rolesRequired');

/** Regions a person may work in: only the institution's own (the server refuses others too). */
function regionsWithin(tenantRegions: readonly string[]) {
  return z.array(z.string()).refine((chosen) => chosen.every((code) => tenantRegions.includes(code)), 'admin:validation.regionsOutsideTenant');
}

const nullIfEmpty = (value: string) => (value === '' ? null : value);

export function inviteSchema(tenantRegions: readonly string[]) {
  return z
    .object({
      fullName,
      email: z.string().trim().pipe(z.email('validation.email').max(256, 'validation.email')),
      roles,
      orgUnitId,
      regions: regionsWithin(tenantRegions),
      dni,
      phone,
    })
    .transform((values) => ({
      ...values,
      orgUnitId: nullIfEmpty(values.orgUnitId),
      dni: nullIfEmpty(values.dni),
      phone: nullIfEmpty(values.phone),
    }));
}

export type InviteValues = z.input<ReturnType<typeof inviteSchema>>;

export function staffUpdateSchema(tenantRegions: readonly string[]) {
  return z
    .object({ fullName, orgUnitId, regions: regionsWithin(tenantRegions), dni, phone })
    .transform((values) => ({
      ...values,
      orgUnitId: nullIfEmpty(values.orgUnitId),
      dni: nullIfEmpty(values.dni),
      phone: nullIfEmpty(values.phone),
    }));
}

export type StaffUpdateValues = z.input<ReturnType<typeof staffUpdateSchema>>;

export const rolesSchema = z.object({ roles });

export const selectionSchema = z
  .object({ met: z.array(z.string()), notes: z.string().trim().max(2000, 'admin:validation.notesLength') })
  .transform(({ met, notes }) => ({
    roleFitsWork: met.includes('roleFitsWork'),
    territoryMatches: met.includes('territoryMatches'),
    availableForResponsibilities: met.includes('availableForResponsibilities'),
    notes: nullIfEmpty(notes),
  }));

export const selectionCriteria = ['roleFitsWork', 'territoryMatches', 'availableForResponsibilities'] as const;

/** A training record: a module, a completion date not after `today`, and 0.5 to 500 hours. */
export function trainingSchema(today: string) {
  return z.object({
    module: z.string().trim().min(2, 'admin:validation.moduleLength').max(200, 'admin:validation.moduleLength'),
    completedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'admin:validation.dateRequired')
      .refine((date) => date <= today, 'admin:validation.dateInFuture'),
    hours: z
      .string()
      .trim()
      .regex(/^\d+([.,]\d+)?$/, 'admin:validation.hours')
      .transform((text) => Number(text.replace(',', '.')))
      .refine((hours) => hours >= 0.5 && hours <= 500, 'admin:validation.hours'),
    passed: z.boolean(),
  });
}

export type TrainingValues = z.input<ReturnType<typeof trainingSchema>>;
