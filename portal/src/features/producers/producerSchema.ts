import { z } from 'zod';
import type { Producer, ProducerRequest } from './api';
import { normalizeDni } from '../../shared/format/dni';

// Mirrors Networks' producer rules (ProducerRules.cs, ProducersApi.cs); messages are translation keys.
export const minBirthYear = 1920;
export const minAge = 15;
const namePart = (message: string) => z.string().trim().min(1, message).max(100, 'producers:validation.nameLength');

export interface ProducerValues extends Record<string, unknown> {
  dni: string;
  firstNames: string;
  lastNames: string;
  gender: '' | 'Female' | 'Male';
  birthYear: string;
  region: string;
  province: string;
  districtCode: string;
  phone: string;
  consentGiven: boolean;
  consentDate: string;
}

export const emptyProducer: ProducerValues = {
  dni: '', firstNames: '', lastNames: '', gender: '', birthYear: '', region: '', province: '', districtCode: '',
  phone: '', consentGiven: false, consentDate: '',
};

/** The form's values for a producer read from the API (the province is found from the district list). */
export function valuesOf(producer: Producer, province: string): ProducerValues {
  return {
    dni: producer.dni ?? '', firstNames: producer.firstNames, lastNames: producer.lastNames, gender: producer.gender,
    birthYear: String(producer.birthYear), region: producer.regionCode, province, districtCode: producer.districtCode,
    phone: producer.phone ?? '', consentGiven: producer.consentGiven, consentDate: producer.consentDate ?? '',
  };
}

/** Register or edit a producer; `today` (yyyy-mm-dd) bounds the consent date and the birth year. */
export function producerSchema(today: string) {
  const maxBirthYear = Number(today.slice(0, 4)) - minAge;
  return z
    .object({
      dni: z.string().refine((value) => normalizeDni(value) !== null, 'producers:validation.dni'),
      firstNames: namePart('producers:validation.firstNames'),
      lastNames: namePart('producers:validation.lastNames'),
      gender: z.enum(['Female', 'Male'], 'producers:validation.gender'),
      birthYear: z
        .string()
        .trim()
        .regex(/^\d{4}$/, 'producers:validation.birthYear')
        .transform(Number)
        .refine((year) => year >= minBirthYear && year <= maxBirthYear, 'producers:validation.birthYear'),
      region: z.string(),
      province: z.string(),
      districtCode: z.string().regex(/^\d{6}$/, 'producers:validation.district'),
      phone: z.string().trim().regex(/^(\+?[0-9 ()-]{6,20})?$/, 'producers:validation.phone'),
      consentGiven: z.boolean().refine((given) => given, 'producers:validation.consent'),
      consentDate: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'producers:validation.consentDate')
        .refine((date) => date <= today, 'producers:validation.consentDateFuture'),
    })
    .transform(
      (values): ProducerRequest => ({
        dni: normalizeDni(values.dni)!,
        firstNames: values.firstNames,
        lastNames: values.lastNames,
        gender: values.gender,
        birthYear: values.birthYear,
        districtCode: values.districtCode,
        districtCoding: 'Inei',
        phone: values.phone === '' ? null : values.phone,
        consentGiven: true,
        consentDate: values.consentDate,
      }),
    );
}

/** A baseline or follow-up income: a date not after today and soles with at most two decimals. */
export function incomeSchema(today: string) {
  return z.object({
    kind: z.enum(['Baseline', 'FollowUp'], 'producers:validation.incomeKind'),
    measuredOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'producers:validation.measuredOn')
      .refine((date) => date <= today, 'producers:validation.measuredOnFuture'),
    annualNetIncomePen: z
      .string()
      .trim()
      .regex(/^\d{1,12}([.,]\d{1,2})?$/, 'producers:validation.amount')
      .transform((text) => Number(text.replace(',', '.'))),
  });
}

export interface IncomeValues extends Record<string, unknown> {
  kind: '' | 'Baseline' | 'FollowUp';
  measuredOn: string;
  annualNetIncomePen: string;
}
