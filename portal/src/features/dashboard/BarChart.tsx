import { useTranslation } from 'react-i18next';
import { describe } from './chartText';
import type { Datum } from './types';

interface BarChartProps {
  title: string;
  data: Datum[];
  format: (value: number) => string;
  /** The marker drawn where a value is suppressed. */
  marker?: string;
}

const width = 320;
const labelHeight = 16;
const barHeight = 18;
const rowHeight = labelHeight + barHeight + 12;
/** Room right of the longest bar for its value. */
const valueRoom = 96;

/**
 * Horizontal bars, one a row with its label above it and its value beside it (readable at 320 px). A suppressed value
 * gets no bar at all, only the marker and the word, so its size cannot be read off the chart.
 */
export function BarChart({ title, data, format, marker = '*' }: BarChartProps) {
  const { t } = useTranslation('dashboard');
  const max = Math.max(0, ...data.map((d) => (d.suppressed ? 0 : (d.value ?? 0))));
  const scale = max > 0 ? (width - valueRoom) / max : 0;
  const height = Math.max(rowHeight, data.length * rowHeight);
  const anySuppressed = data.some((d) => d.suppressed);
  const summary = describe(title, data, format, { suppressed: t('suppressed'), noValue: t('noValue') });

  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      {data.length === 0 ? (
        <p className="empty">{t('chart.noData')}</p>
      ) : (
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary} className="bar-chart">
          {data.map((d, i) => {
            const y = i * rowHeight;
            const barWidth = d.suppressed || d.value === null ? 0 : Math.max(d.value > 0 ? 1 : 0, d.value * scale);
            return (
              <g key={d.key} data-key={d.key}>
                <text x={0} y={y + 12} className="chart-label">
                  {d.label}
                </text>
                {d.suppressed ? (
                  <text x={0} y={y + labelHeight + 13} className="chart-value chart-suppressed">
                    {`${marker} ${t('suppressed')}`}
                  </text>
                ) : (
                  <>
                    {barWidth > 0 && <rect x={0} y={y + labelHeight} width={barWidth} height={barHeight} className="bar" data-value={d.value ?? undefined} />}
                    <text x={barWidth + 4} y={y + labelHeight + 13} className="chart-value">
                      {d.value === null ? '—' : format(d.value)}
                    </text>
                  </>
                )}
              </g>
            );
          })}
        </svg>
      )}
      {anySuppressed && <p className="hint">{t('chart.suppressedNote', { marker })}</p>}
    </figure>
  );
}
