/** Five classes of equal width from 1 to the largest value; 0 and no data apart. */
export const levels = 5;

export interface MapScale {
  step: number;
  /** The class of a value: 'none' for zero or no data, else 1..levels. */
  levelOf: (value: number | null | undefined) => 'none' | number;
  /** The classes in use, with the range of values each holds. */
  ranges: { level: number; from: number; to: number }[];
}

export function mapScale(values: readonly number[]): MapScale {
  const max = Math.max(0, ...values);
  const step = Math.max(1, Math.ceil(max / levels));
  const levelOf = (value: number | null | undefined) => (!value || value <= 0 ? 'none' : Math.min(levels, Math.ceil(value / step)));
  const used = max > 0 ? Math.min(levels, Math.ceil(max / step)) : 0;
  const ranges = Array.from({ length: used }, (_, i) => ({ level: i + 1, from: i * step + 1, to: (i + 1) * step }));
  return { step, levelOf, ranges };
}
