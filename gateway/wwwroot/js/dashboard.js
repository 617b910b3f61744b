// The two dashboards: a tenant's own figures (every tenant role) and the national figures (the national unit only).
import { getJson } from './api.js';
import { element, formatValue, labelNodes } from './format.js';
import { reportSection } from './tables.js';

/** Figures shown large above the tables, when the summary has them. */
const keyFigures = ['producers', 'networks', 'networks_women_led', 'specialists_trained'];

export async function tenantDashboard() {
  const dashboard = await getJson('/api/reporting/dashboard');
  const exportBase = '/api/reporting/dashboard';
  return {
    title: { es: `Panel de ${dashboard.tenantName}`, en: 'Dashboard' },
    content: [
      keyFigureList(dashboard.summary, null),
      reportSection(dashboard.summary, { exportBase }),
      ...dashboard.tables.map(table => reportSection(table, { exportBase })),
    ],
  };
}

export async function nationalDashboard() {
  const dashboard = await getJson('/api/reporting/national');
  const exportBase = '/api/reporting/national';
  const suppression = { marker: dashboard.suppression.marker, noteId: 'suppression-note' };
  return {
    title: { es: 'Cifras nacionales', en: 'National figures' },
    content: [
      suppressionNote(dashboard.suppression, suppression.noteId),
      keyFigureList(dashboard.summary, suppression),
      reportSection(dashboard.summary, { exportBase, suppression }),
      ...dashboard.tables.map(table => reportSection(table, { exportBase, suppression })),
    ],
  };
}

/** Why a national cell shows the marker instead of its number (the rule and its thresholds come from the API). */
function suppressionNote({ marker, minProducers, minNetworks }, id) {
  return element('p', { id, className: 'note' },
    element('strong', {}, `${marker} `),
    `Celda suprimida: su cifra se basa en menos de ${minProducers} productores o ${minNetworks} redes, o permitiría ` +
    'deducir otra celda suprimida; se oculta para proteger a las personas e instituciones. ',
    element('span', { lang: 'en', className: 'en' },
      `Suppressed cell: built from fewer than ${minProducers} producers or ${minNetworks} networks, or it would give ` +
      'another suppressed cell away; hidden to protect people and institutions.'));
}

function keyFigureList(summary, suppression) {
  const items = keyFigures
    .map(key => summary.columns.findIndex(column => column.key === key))
    .filter(index => index >= 0)
    .map(index => {
      const column = summary.columns[index];
      const hidden = suppression && summary.total.suppressed.includes(column.key);
      return element('li', {},
        element('span', { className: 'kpi-value' }, hidden ? suppression.marker : formatValue(summary.total.values[index], column)),
        element('span', { className: 'kpi-label' }, labelNodes(column.label)));
    });
  return element('ul', { className: 'kpis', 'aria-label': 'Cifras clave / Key figures' }, items);
}
