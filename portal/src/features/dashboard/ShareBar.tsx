import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInteger, formatPercent } from '../../shared/format/format';
import { svgId } from './chartText';

interface ShareBarProps {
  title: string;
  /** The part (women-led networks) and the whole (all networks); null when hidden or unknown. */
  part: number | null;
  whole: number | null;
  partLabel: string;
  restLabel: string;
  suppressed?: boolean;
  marker?: string;
}

const width = 320;

/**
 * A part of a whole as one bar split in two: the part solid, the rest hatched (so the two differ by pattern as well as
 * colour), each named with its count and share in the legend under it.
 */
export function ShareBar({ title, part, whole, partLabel, restLabel, suppressed = false, marker = '*' }: ShareBarProps) {
  const { t } = useTranslation('dashboard');
  const hatch = `hatch-${svgId(useId())}`;

  if (suppressed || part === null || whole === null || whole <= 0) {
    return (
      <figure className="chart">
        <figcaption className="chart-title">{title}</figcaption>
        <p className="empty">{suppressed ? t('chart.shareSuppressed', { marker }) : t('chart.noData')}</p>
      </figure>
    );
  }

  const share = part / whole;
  const rest = whole - part;
  const partWidth = Math.round(share * width * 10) / 10;
  const summary = t('chart.shareSummary', {
    title,
    partLabel,
    part: formatInteger(part),
    share: formatPercent(share),
    restLabel,
    rest: formatInteger(rest),
    restShare: formatPercent(1 - share),
  });

  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      <svg viewBox={`0 0 ${width} 32`} role="img" aria-label={summary} className="share-bar">
        <defs>
          <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className="hatch-ground" />
            <line x1="0" y1="0" x2="0" y2="6" className="hatch-line" />
          </pattern>
        </defs>
        {partWidth > 0 && <rect x={0} y={0} width={partWidth} height={32} className="bar share-part" />}
        {partWidth < width && <rect x={partWidth} y={0} width={width - partWidth} height={32} fill={`url(#${hatch})`} className="share-rest" />}
      </svg>
      <ul className="chart-legend">
        <li>
          <svg viewBox="0 0 16 16" className="swatch" aria-hidden="true">
            <rect width="16" height="16" className="bar" />
          </svg>
          {t('chart.legendItem', { label: partLabel, count: formatInteger(part), share: formatPercent(share) })}
        </li>
        <li>
          <svg viewBox="0 0 16 16" className="swatch" aria-hidden="true">
            <rect width="16" height="16" fill={`url(#${hatch})`} className="share-rest" />
          </svg>
          {t('chart.legendItem', { label: restLabel, count: formatInteger(rest), share: formatPercent(1 - share) })}
        </li>
      </ul>
    </figure>
  );
}
