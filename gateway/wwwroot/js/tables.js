// The Reporting service's tables (name, title, dimension, columns, rows, total; a row's values follow the columns and
// "suppressed" names the columns hidden in it) as accessible HTML tables with their export links.
import { download } from './api.js';
import { element, formatValue, labelNodes } from './format.js';

const rowHeaders = {
  region: 'Región / Region',
  value_chain: 'Cadena de valor / Value chain',
  phase: 'Fase / Phase',
  institution: 'Institución / Institution',
  programme: 'Programa / Programme',
  month: 'Mes / Month',
};

/**
 * One table in its own section: heading, export links, the table. The summary (no dimension) is shown transposed, one
 * figure a row, because it has a single row of many figures. Options: exportBase (the table's export URL without the
 * extension), suppression ({ marker, noteId }) for national tables.
 */
export function reportSection(table, { exportBase, suppression = null }) {
  const headingId = `table-${table.name}`;
  const body = table.dimension === 'summary' ? transposed(table, suppression) : breakdown(table, suppression);
  body.prepend(element('caption', { className: 'visually-hidden' }, labelNodes(table.title)));
  return element('section', { className: 'report', 'aria-labelledby': headingId },
    element('div', { className: 'report-head' },
      element('h2', { id: headingId }, labelNodes(table.title)),
      exportLinks(table, exportBase)),
    // Wide tables scroll sideways; focusable so the keyboard can scroll them too.
    element('div', { className: 'scroll', tabIndex: 0 }, body));
}

function breakdown(table, suppression) {
  const head = element('tr', {},
    element('th', { scope: 'col' }, labelNodes(rowHeaders[table.dimension] ?? table.dimension)),
    table.columns.map(column => element('th', { scope: 'col' }, labelNodes(column.label))));
  return element('table', {},
    element('thead', {}, head),
    element('tbody', {}, table.rows.map(row => rowOf(table, row, suppression))),
    element('tfoot', {}, rowOf(table, { ...table.total, label: 'Total' }, suppression)));
}

function transposed(table, suppression) {
  const head = element('tr', {},
    element('th', { scope: 'col' }, labelNodes('Indicador / Figure')),
    element('th', { scope: 'col' }, labelNodes('Valor / Value')));
  const rows = table.columns.map((column, i) => element('tr', {},
    element('th', { scope: 'row' }, labelNodes(column.label)),
    valueCell(table.total, column, i, suppression)));
  return element('table', { className: 'summary' }, element('thead', {}, head), element('tbody', {}, rows));
}

function rowOf(table, row, suppression) {
  return element('tr', {},
    element('th', { scope: 'row' }, labelNodes(row.label)),
    table.columns.map((column, i) => valueCell(row, column, i, suppression)));
}

/** A suppressed cell shows the marker, described by the note that explains it. */
function valueCell(row, column, index, suppression) {
  if (suppression && row.suppressed.includes(column.key)) {
    return element('td', { className: 'num suppressed', title: 'Celda suprimida / Suppressed cell', 'aria-describedby': suppression.noteId },
      suppression.marker);
  }
  return element('td', { className: 'num' }, formatValue(row.values[index], column));
}

function exportLinks(table, exportBase) {
  const link = (format, text) => {
    const href = `${exportBase}/${table.name}.${format}`;
    const anchor = element('a', { href, className: 'export' },
      text, element('span', { className: 'visually-hidden' }, ` · ${table.title}`));
    anchor.addEventListener('click', async event => {
      event.preventDefault(); // the plain link would go without the bearer token
      anchor.setAttribute('aria-busy', 'true');
      try { await download(href); }
      catch (error) { anchor.after(element('span', { className: 'error', role: 'alert' }, ` ${error.message}`)); }
      finally { anchor.removeAttribute('aria-busy'); }
    });
    return anchor;
  };
  return element('p', { className: 'exports' }, 'Descargar ', element('span', { lang: 'en', className: 'en' }, 'Download'), ': ',
    link('csv', 'CSV'), ' · ', link('xlsx', 'Excel (.xlsx)'));
}
