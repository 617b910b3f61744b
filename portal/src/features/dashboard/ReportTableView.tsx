import { DataTable, type Column } from '../../shared/ui/DataTable';
import { CellValue } from './CellValue';
import { ExportLinks } from './ExportLinks';
import type { ReportLabels } from './labels';
import { cellOf } from './reportTable';
import { SuppressedHint, type Suppression } from './Suppressed';
import type { ReportColumn, ReportRow, ReportTable } from './types';
import { useTranslation } from 'react-i18next';

interface ReportTableViewProps {
  table: ReportTable;
  labels: ReportLabels;
  /** Export URL without the table name: /api/reporting/dashboard or /api/reporting/national. */
  exportBase: string;
  /** The filters as a query string for the exports ("" or "?Region=..."). */
  exportQuery?: string;
  suppression?: Suppression;
}

/**
 * Any table the reporting service publishes, drawn from its own description (columns, rows, total). The summary,
 * one row of many figures, is shown one figure a row.
 */
export function ReportTableView({ table, labels, exportBase, exportQuery, suppression }: ReportTableViewProps) {
  const { t } = useTranslation('dashboard');
  const title = labels.tableTitle(table);
  const headingId = `table-${table.name}`;
  const anySuppressed = [...table.rows, table.total].some((row) => row.suppressed.length > 0);
  const value = (row: ReportRow, column: ReportColumn) => {
    const cell = cellOf(table, row, column.key);
    return cell && <CellValue columnKey={column.key} value={cell.value} suppressed={cell.suppressed} marker={suppression?.marker} />;
  };

  return (
    <section className="report-table" aria-labelledby={headingId} id={`report-${table.name}`}>
      <h3 id={headingId}>{title}</h3>
      <ExportLinks base={exportBase} table={table.name} title={title} query={exportQuery} />
      {table.dimension === 'summary' ? (
        <DataTable<ReportColumn>
          caption={title}
          rows={table.columns}
          rowKey={(column) => column.key}
          columns={[
            { key: 'figure', header: t('figure'), rowHeader: true, cell: (column) => labels.columnLabel(column) },
            { key: 'value', header: t('value'), numeric: true, cell: (column) => value(table.total, column) },
          ]}
        />
      ) : (
        <DataTable<ReportRow>
          caption={title}
          rows={table.rows}
          rowKey={(row) => row.key}
          columns={[
            { key: '__row', header: labels.dimensionLabel(table), rowHeader: true, cell: (row) => labels.rowLabel(table, row) },
            ...table.columns.map(
              (column): Column<ReportRow> => ({ key: column.key, header: labels.columnLabel(column), numeric: true, cell: (row) => value(row, column) }),
            ),
          ]}
          footer={
            <tr>
              <th scope="row">{t('total')}</th>
              {table.columns.map((column) => (
                <td key={column.key} className="num">
                  {value(table.total, column)}
                </td>
              ))}
            </tr>
          }
        />
      )}
      {suppression && anySuppressed && <SuppressedHint suppression={suppression} />}
    </section>
  );
}
