import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../../shared/format/format';
import { regionName } from '../../shared/format/regions';
import { useRegionShapes } from './api';
import { svgId } from './chartText';
import { mapScale } from './mapScale';
import { cellOf } from './reportTable';
import type { ReportTable } from './types';

interface RegionMapProps {
  /** The table by region (rows keyed PE-XXX). */
  table: ReportTable;
  /** The figure the regions are coloured by (producers or networks). */
  columnKey: string;
  title: string;
  /** The id of the region table, the map's keyboard and screen-reader equivalent. */
  tableId: string;
  marker?: string;
}

/**
 * Peru's regions coloured by a figure of the region table, in five classes with a legend; Lima Metropolitana and Lima
 * Provincias are separate shapes, as Callao is. The outlines are a static file fetched when the map is shown. The
 * region table holds the same figures for keyboard and screen-reader users, and the boundaries' attribution (CC BY
 * 4.0) is under the map.
 */
export function RegionMap({ table, columnKey, title, tableId, marker = '*' }: RegionMapProps) {
  const { t } = useTranslation('dashboard');
  const shapes = useRegionShapes();
  const hatch = `map-hatch-${svgId(useId())}`;
  const captionId = `${svgId(useId())}-caption`;

  const cells = new Map(table.rows.map((row) => [row.key, cellOf(table, row, columnKey)]));
  const scale = mapScale([...cells.values()].map((cell) => (cell && !cell.suppressed ? (cell.value ?? 0) : 0)));
  const anySuppressed = [...cells.values()].some((cell) => cell?.suppressed);
  const unit = t(`map.unit.${columnKey}`, { defaultValue: '' });
  const describe = (code: string) => {
    const cell = cells.get(code);
    const value = cell?.suppressed ? `${marker} ${t('suppressed')}` : formatInteger(cell?.value ?? 0);
    return t('map.regionValue', { region: regionName(code), value, unit });
  };

  return (
    <figure className="chart region-map">
      <figcaption className="chart-title" id={captionId}>
        {title}
      </figcaption>
      {shapes.isPending && <p className="loading">{t('map.loading')}</p>}
      {shapes.isError && <p className="hint">{t('map.unavailable')}</p>}
      {shapes.data && (
        <svg viewBox={`0 0 ${shapes.data.width} ${shapes.data.height}`} role="img" aria-labelledby={captionId} className="map">
          <defs>
            <pattern id={hatch} width="24" height="24" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="24" height="24" className="hatch-ground" />
              <line x1="0" y1="0" x2="0" y2="24" className="hatch-line map-hatch-line" />
            </pattern>
          </defs>
          {Object.entries(shapes.data.regions).map(([code, d]) => {
            const cell = cells.get(code);
            const suppressed = !!cell?.suppressed;
            const level = suppressed ? 'suppressed' : scale.levelOf(cell?.value);
            return (
              <path
                key={code}
                d={d}
                data-region={code}
                className={`map-region map-level-${level}`}
                fill={suppressed ? `url(#${hatch})` : undefined}
                vectorEffect="non-scaling-stroke"
              >
                <title>{describe(code)}</title>
              </path>
            );
          })}
        </svg>
      )}
      <ul className="map-legend" aria-label={t('map.legend')}>
        <li>
          <svg viewBox="0 0 16 16" className="swatch" aria-hidden="true">
            <rect width="16" height="16" className="map-region map-level-none" />
          </svg>
          {t('map.none')}
        </li>
        {scale.ranges.map((range) => (
          <li key={range.level}>
            <svg viewBox="0 0 16 16" className="swatch" aria-hidden="true">
              <rect width="16" height="16" className={`map-region map-level-${range.level}`} />
            </svg>
            {range.from === range.to
              ? formatInteger(range.from)
              : t('map.range', { from: formatInteger(range.from), to: formatInteger(range.to) })}
          </li>
        ))}
        {anySuppressed && (
          <li>
            <svg viewBox="0 0 16 16" className="swatch" aria-hidden="true">
              <rect width="16" height="16" className="map-region map-level-suppressed" fill={`url(#${hatch})`} />
            </svg>
            {t('map.suppressed', { marker })}
          </li>
        )}
      </ul>
      <p className="hint">
        <a href={`#${tableId}`}>{t('map.seeTable')}</a>
      </p>
      <p className="map-source">
        {t('map.attribution')} {t('map.subset')}{' '}
        <a href="/geo/LICENSE.txt">{t('map.licence')}</a>
      </p>
    </figure>
  );
}
