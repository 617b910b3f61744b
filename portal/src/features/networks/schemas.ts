import { z } from 'zod';
import { rucProblem } from '../../shared/format/ruc';
import { regions } from '../../shared/format/regions';
import { phases, type PhaseName } from '../../shared/format/phases';
import { legalForms } from './api';

// The Networks service's rules (NetworkDtos.cs, NetworksApi.cs, PhaseRules.cs, MonitoringDtos.cs,
// MonitoringValidation.cs), checked while typing. Messages are translation keys.

const regionCodes = regions.map(([code]) => code) as [string, ...string[]];
const name = z.string().trim().min(3, 'validation.nameLength').max(200, 'validation.nameLength');
const optionalRuc = z
  .string()
  .trim()
  .superRefine((value, context) => {
    const problem = value ? rucProblem(value) : null;
    if (problem) context.addIssue({ code: 'custom', message: `networks:validation.ruc.${problem}` });
  })
  .transform((value) => value || null);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.required');

/** A chosen member: the id the API takes and the name shown (kept in the draft with it). */
export interface ChosenMember {
  id: string;
  name: string;
}

/** Forming a network (FormNetworkRequest): today is Peru's, for "the formation date cannot be in the future". */
export function formNetworkSchema(today: string) {
  return z
    .object({
      name,
      valueChainCode: z.string().min(1, 'validation.required').max(40, 'validation.required'),
      regionCode: z.enum(regionCodes, { message: 'validation.required' }),
      specialistId: z.string().min(1, 'networks:validation.specialistRequired'),
      members: z
        .array(z.object({ id: z.string(), name: z.string() }))
        .min(1, 'networks:validation.membersRequired')
        .max(1000, 'networks:validation.membersTooMany'),
      leaderProducerId: z.string().min(1, 'networks:validation.leaderRequired'),
      formedOn: date.refine((value) => value <= today, 'networks:validation.notFuture'),
      legalForm: z.enum(legalForms),
      ruc: optionalRuc,
    })
    .refine((v) => !v.leaderProducerId || v.members.some((m) => m.id === v.leaderProducerId), {
      path: ['leaderProducerId'],
      message: 'networks:validation.leaderNotMember',
    })
    .transform(({ members, ...rest }) => ({ ...rest, memberIds: [...new Set(members.map((m) => m.id))] }));
}

export type FormNetworkValues = z.input<ReturnType<typeof formNetworkSchema>>;

/** Editing the basics (UpdateNetworkRequest): a consolidated network keeps its RUC. */
export function updateNetworkSchema(consolidated: boolean) {
  return z
    .object({ name, legalForm: z.enum(legalForms, { message: 'validation.required' }), ruc: optionalRuc })
    .refine((v) => !consolidated || v.ruc !== null, { path: ['ruc'], message: 'networks:validation.consolidatedKeepsRuc' });
}

export type UpdateNetworkValues = z.input<ReturnType<typeof updateNetworkSchema>>;

/** The phase after `phase`, or none from the last one. */
export function nextPhase(phase: PhaseName): PhaseName | undefined {
  return phases[phases.indexOf(phase) + 1];
}

/**
 * Advancing one step (PhaseRules.Check): a date neither in the future nor before the previous change or the
 * formation, a note of 3 to 2000 characters, an optional http(s) link.
 */
export function advancePhaseSchema({ today, notBefore }: { today: string; notBefore: string }) {
  return z.object({
    on: date
      .refine((value) => value <= today, 'networks:validation.notFuture')
      .refine((value) => value >= notBefore, 'networks:validation.beforePrevious'),
    evidence: z.string().trim().min(3, 'networks:validation.noteLength').max(2000, 'networks:validation.noteLength'),
    documentUrl: z
      .string()
      .trim()
      .max(500, 'networks:validation.url')
      .refine((value) => !value || isHttpUrl(value), 'networks:validation.url')
      .transform((value) => value || null),
  });
}

export type AdvancePhaseValues = z.input<ReturnType<typeof advancePhaseSchema>>;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** AmountAttribute: zero or more, at most two decimals, below 10¹² (a dot as the decimal mark). */
const amount = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'networks:validation.amount')
  .transform(Number)
  .refine((value) => value < 1e12, 'networks:validation.amount');

/** LabelsAttribute(100) with MaxLength(30), one label a line; blank lines are left out. */
const labels = z
  .string()
  .transform((text) => [...new Set(text.split('\n').map((line) => line.trim()).filter(Boolean))])
  .refine((items) => items.length <= 30, 'networks:validation.labelsTooMany')
  .refine((items) => items.every((item) => item.length <= 100), 'networks:validation.labelTooLong');

/**
 * One month's indicators (MonitoringRequest): `period` is the month (yyyy-mm), not a future one in Peru; amounts as
 * above; units of 1–20 and 1–40 characters.
 */
export function monitoringSchema(today: string) {
  const thisMonth = today.slice(0, 7);
  return z
    .object({
      period: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'networks:validation.period')
        .refine((value) => value <= thisMonth, 'networks:validation.futurePeriod'),
      salesPen: amount,
      volume: amount,
      volumeUnit: z.string().trim().min(1, 'validation.required').max(20, 'networks:validation.unitLength20'),
      productivity: amount,
      productivityUnit: z.string().trim().min(1, 'validation.required').max(40, 'networks:validation.unitLength40'),
      postHarvestPractices: labels,
      marketChannels: labels,
      averageMemberNetIncomePen: amount,
    })
    .transform(({ period, ...rest }) => ({ ...rest, period: `${period}-01` }));
}

export type MonitoringValues = z.input<ReturnType<typeof monitoringSchema>>;
