import { useTranslation } from 'react-i18next';
import { describe } from './chartText';
import type { Datum } from './types';

interface MonthlySeriesProps {
  title: string;
  /** One datum a month, in order, labelled with the short month name. */
  data: Datum[];
  format: (value: number) => string;
}

const width = 320;
const height = 180;
const left = 4;
const top = 20;
const bottom = 24;

/**
 * A column a month. The largest value is written at the top, the first and last months (and a few between) under the
 * axis; every value is in the text alternative and in the monthly table below the charts.
 */
export function MonthlySeries({ title, data, format }: MonthlySeriesProps) {
  const { t } = useTranslation('dashboard');
  const values = data.map((d) => (d.suppressed ? 0 : (d.value ?? 0)));
  const max = Math.max(0, ...values);
  const plot = height - top - bottom;
  const step = data.length ? (width - left) / data.length : 0;
  const gap = Math.min(4, step / 4);
  const labelEvery = Math.max(1, Math.ceil(data.length / 4));
  const summary = describe(title, data, format, { suppressed: t('suppressed'), noValue: t('noValue') });

  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      {max === 0 ? (
        <p className="empty">{t('chart.noMovements')}</p>
      ) : (
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} className="series-chart">
          <text x={left} y={12} className="chart-axis">
            {t('chart.max', { value: format(max) })}
          </text>
          <line x1={left} x2={width} y1={top} y2={top} className="chart-grid" />
          <line x1={left} x2={width} y1={top + plot} y2={top + plot} className="chart-axis-line" />
          {data.map((d, i) => {
            const value = values[i] ?? 0;
            const h = (value / max) * plot;
            const x = left + i * step + gap / 2;
            // Counted back from the last month, so the latest is always named and the names never crowd.
            const labelled = (data.length - 1 - i) % labelEvery === 0;
            const centre = x + (step - gap) / 2;
            const anchor = centre < 30 ? 'start' : centre > width - 30 ? 'end' : 'middle';
            return (
              <g key={d.key}>
                {h > 0 && <rect x={x} y={top + plot - h} width={step - gap} height={h} className="bar" data-value={value} />}
                {labelled && (
                  <text x={anchor === 'start' ? x : anchor === 'end' ? x + step - gap : centre} y={height - 6} className="chart-axis" textAnchor={anchor}>
                    {d.label}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
