import { useTranslation } from 'react-i18next';
import { inLanguage } from '../../shared/api/problem';
import { formatInteger, formatMoney, formatPercent } from '../../shared/format/format';
import { regionName } from '../../shared/format/regions';
import { kindOf } from './reportTable';
import { phases } from '../../shared/format/phases';
import { useValueChainName } from '../../shared/format/valueChains';
import type { ReportColumn, ReportRow, ReportTable } from './types';


/** A figure as it reads: soles, a percentage (the API sends 0-100) or a count. */
export function formatFigure(columnKey: string, value: number): string {
  switch (kindOf(columnKey)) {
    case 'money':
      return formatMoney(value);
    case 'percent':
      return formatPercent(value / 100);
    default:
      return formatInteger(value);
  }
}

export function monthLabel(key: string, language: string): string {
  const [year, month] = key.split('-').map(Number);
  if (!year || !month) return key;
  return new Intl.DateTimeFormat(language.startsWith('en') ? 'en-GB' : 'es-PE', { month: 'short', year: 'numeric' }).format(new Date(year, month - 1, 1));
}

/**
 * Names of the reports' tables, columns and rows in the page's language: regions by their names, value chains by the
 * catalogue's names (shared/format/valueChains), phases and
 * months by the portal's own words; institutions and programmes by the names the service sends.
 */
export function useReportLabels() {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const language = i18n.language;

  const chainName = useValueChainName();

  const phaseName = (key: string): string => {
    const name = phases[Number(key)];
    return /^\d$/.test(key) && name ? t(`common:phase.${name}`) : t('dashboard:phaseUnknown');
  };

  const rowLabel = (table: ReportTable, row: ReportRow): string => {
    if (row.key === 'total') return t('dashboard:total');
    switch (table.dimension) {
      case 'region':
        return regionName(row.key);
      case 'value_chain':
        return chainName(row.key);
      case 'phase':
        return phaseName(row.key);
      case 'month':
        return monthLabel(row.key, language);
      default:
        return row.label;
    }
  };

  return {
    language,
    chainName,
    phaseName,
    rowLabel,
    columnLabel: (column: ReportColumn) => t(`dashboard:column.${column.key}`, { defaultValue: inLanguage(column.label, language, { spanishFirst: true }) }),
    tableTitle: (table: ReportTable) => t(`dashboard:table.${table.name}`, { defaultValue: inLanguage(table.title, language, { spanishFirst: true }) }),
    dimensionLabel: (table: ReportTable) => t(`dashboard:dimension.${table.dimension}`, { defaultValue: table.dimension }),
  };
}

export type ReportLabels = ReturnType<typeof useReportLabels>;
