/**
 * Soles in integer céntimos, so totals and the co-financing split never suffer float errors. The rules are the
 * Financing service's (Plans/Money.cs, PlanLines.cs): amounts have at most two decimals and are never negative; a line's
 * amount is quantity × unit cost rounded to céntimos half away from zero; shares are compared on exact amounts.
 * Products go through BigInt: 12-digit amounts times quantities exceed a double's exact integers.
 */
export type Cents = number;

/** The largest amount numeric(14,2) holds, in céntimos (S/ 999,999,999,999.99). */
export const maxCents: Cents = 99_999_999_999_999;

const amountPattern = /^\d{1,12}(\.\d{1,2})?$/;

/** A typed amount or quantity as hundredths ("1,024.5" → 102450); null when empty, negative, too large or with more than two decimals. */
export function parseHundredths(text: string): number | null {
  const clean = text.replace(/[\s,]/g, '');
  if (!amountPattern.test(clean)) return null;
  const [whole = '0', fraction = ''] = clean.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Money typed by the user, in céntimos. */
export const parseCents = (text: string): Cents | null => parseHundredths(text);

/** A number from the API (number or decimal string with at most two decimals) in céntimos. */
export function centsOf(value: number | string | null | undefined): Cents {
  return Math.round(Number(value ?? 0) * 100);
}

/** Céntimos as the soles the API takes (a JSON number whose shortest form is the exact two-decimal amount). */
export const soles = (cents: Cents): number => cents / 100;

/** Céntimos as the text an input shows ("1024.50"). */
export function centsText(cents: Cents): string {
  const whole = Math.trunc(cents / 100);
  return `${whole}.${String(cents % 100).padStart(2, '0')}`;
}

/** Quantity (hundredths) × unit cost (céntimos), rounded to céntimos half away from zero (all operands are ≥ 0). */
export function lineAmount(quantityHundredths: number, unitCents: Cents): Cents {
  const product = BigInt(quantityHundredths) * BigInt(unitCents);
  return Number((product + 50n) / 100n);
}

export const sum = (values: readonly Cents[]): Cents => values.reduce((total, value) => total + value, 0);

/** The network's share of the total for display (0–1); 0 for an empty plan. */
export const shareOf = (part: Cents, total: Cents): number => (total === 0 ? 0 : part / total);

/**
 * Whether the network puts in at least the programme's minimum share, compared exactly as the service does:
 * contribution ≥ minimum × total, the minimum being a fraction with at most four decimals; an empty plan never meets it.
 */
export function meetsShare(contribution: Cents, total: Cents, minShare: number | string): boolean {
  if (total <= 0) return false;
  const basisPoints = BigInt(Math.round(Number(minShare) * 10_000));
  return BigInt(contribution) * 10_000n >= basisPoints * BigInt(total);
}

/** The least network contribution that meets the minimum share for a total (céntimos, rounded up). */
export function minimumContribution(total: Cents, minShare: number | string): Cents {
  const basisPoints = BigInt(Math.round(Number(minShare) * 10_000));
  const product = basisPoints * BigInt(total);
  return Number((product + 9_999n) / 10_000n);
}
