import { useTranslation } from 'react-i18next';
import { Page } from '../../shared/ui/Page';
import { QueryView } from '../../shared/ui/States';
import { useNational } from './api';
import { DashboardCharts } from './DashboardCharts';
import { useReportLabels } from './labels';
import { RegionMap } from './RegionMap';
import { isEmptyReport, tableNamed } from './reportTable';
import { ReportTableView } from './ReportTableView';
import { SummaryFigures } from './SummaryFigures';
import { SuppressionNote, type Suppression } from './Suppressed';
import './dashboard.css';

const exportBase = '/api/reporting/national';
const noteId = 'suppression-note';

/**
 * Figures across every institution, for the national unit: by institution, region, value chain and phase, with small
 * cells suppressed by the service (shown as its marker, explained once at the top, never drawn in a chart).
 */
export default function NationalFiguresPage() {
  const { t } = useTranslation('dashboard');
  const national = useNational();
  // The national unit cannot read the value-chain catalogue: chains are named from the national catalogue in the translations.
  const labels = useReportLabels();

  return (
    <Page title={t('nationalTitle')} lead={t('nationalLead')}>
      <QueryView query={national} isEmpty={(data) => isEmptyReport(data.summary, data.tables)} empty={t('nationalEmpty')}>
        {(data) => {
          const suppression: Suppression = { marker: data.suppression.marker, noteId };
          const regionTable = tableNamed(data.tables, 'regions');
          return (
            <>
              <SuppressionNote
                id={noteId}
                marker={data.suppression.marker}
                minProducers={Number(data.suppression.minProducers)}
                minNetworks={Number(data.suppression.minNetworks)}
              />
              <SummaryFigures summary={data.summary} marker={suppression.marker} />
              <section aria-labelledby="charts-title">
                <h2 id="charts-title">{t('chart.title')}</h2>
                <DashboardCharts summary={data.summary} tables={data.tables} labels={labels} marker={suppression.marker} />
              </section>
              {regionTable && (
                <section aria-labelledby="map-title">
                  <h2 id="map-title">{t('map.heading')}</h2>
                  <RegionMap
                    table={regionTable}
                    columnKey="producers"
                    title={t('map.producersTitle')}
                    tableId={`report-${regionTable.name}`}
                    marker={suppression.marker}
                  />
                </section>
              )}
              <section aria-labelledby="tables-title">
                <h2 id="tables-title">{t('tablesTitle')}</h2>
                {[data.summary, ...data.tables].map((table) => (
                  <ReportTableView key={table.name} table={table} labels={labels} exportBase={exportBase} suppression={suppression} />
                ))}
              </section>
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
