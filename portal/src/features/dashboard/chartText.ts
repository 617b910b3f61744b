import type { Datum } from './types';

/** A chart's text alternative: its title and every value ("Cacao: 12; Café: suprimido"). */
export function describe(title: string, data: readonly Datum[], format: (value: number) => string, words: { suppressed: string; noValue: string }): string {
  const values = data.map((d) => `${d.label}: ${d.suppressed ? words.suppressed : d.value === null ? words.noValue : format(d.value)}`);
  return values.length ? `${title}. ${values.join('; ')}.` : `${title}.`;
}

/** An id usable inside url(#...) (React's ids may hold characters that need escaping there). */
export const svgId = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '');
