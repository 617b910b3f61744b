import type { Datum, ReportRow, ReportTable } from './types';

const moneyColumns = new Set([
  'programme_funds_approved',
  'network_contribution_approved',
  'disbursed',
  'contribution_executed',
  'investment_per_producer',
  'sales',
]);

export type ColumnKind = 'integer' | 'money' | 'percent';

/** How a column's numbers read: soles, a percentage (the API sends 0-100), or a count. */
export function kindOf(columnKey: string): ColumnKind {
  if (moneyColumns.has(columnKey)) return 'money';
  if (columnKey.endsWith('_percent')) return 'percent';
  return 'integer';
}

export function tableNamed(tables: readonly ReportTable[], name: string): ReportTable | undefined {
  return tables.find((table) => table.name === name);
}

/** The value of a column in a row: a number, null (not computable or suppressed), and whether it is suppressed. */
export function cellOf(table: ReportTable, row: ReportRow, columnKey: string): { value: number | null; suppressed: boolean } | undefined {
  const index = table.columns.findIndex((column) => column.key === columnKey);
  if (index < 0) return undefined;
  const raw = row.values[index];
  const value = raw === null || raw === undefined || raw === '' ? null : Number(raw);
  return { value: value === null || Number.isNaN(value) ? null : value, suppressed: row.suppressed.includes(columnKey) };
}

export function hasColumn(table: ReportTable | undefined, columnKey: string): boolean {
  return !!table && table.columns.some((column) => column.key === columnKey);
}

/** A column of a breakdown as chart data, rows in the table's order, labelled by `label`. */
export function seriesOf(table: ReportTable, columnKey: string, label: (row: ReportRow) => string): Datum[] {
  return table.rows.map((row) => {
    const cell = cellOf(table, row, columnKey) ?? { value: null, suppressed: false };
    return { key: row.key, label: label(row), value: cell.suppressed ? null : cell.value, suppressed: cell.suppressed };
  });
}

/** True when nothing has been recorded yet: no rows anywhere and every total zero or empty. */
export function isEmptyReport(summary: ReportTable, tables: readonly ReportTable[]): boolean {
  const zero = (row: ReportRow) => row.suppressed.length === 0 && row.values.every((value) => value === null || Number(value) === 0);
  return tables.every((table) => table.rows.length === 0) && zero(summary.total);
}
