// es-PE formats (the portal's locale in both languages: figures are Peruvian), with S/ for money.
const locale = 'es-PE';
const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'PEN', minimumFractionDigits: 2 });
const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });

export const formatInteger = (value: number): string => integer.format(value);
export const formatNumber = (value: number): string => decimal.format(value);
/** S/ 1,024,000.00 */
export const formatMoney = (value: number): string => money.format(value);
/** A share from 0 to 1 as "32 %" style text. */
export const formatPercent = (share: number): string => percent.format(share);

export function formatDate(value: string | Date, language: string): string {
  const date = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00` : value) : value;
  return new Intl.DateTimeFormat(language.startsWith('en') ? 'en-GB' : locale, { dateStyle: 'medium' }).format(date);
}

export function formatDateTime(value: string | Date, language: string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(language.startsWith('en') ? 'en-GB' : locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
