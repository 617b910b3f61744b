import { startTransition, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatInteger, formatMoney } from '../../shared/format/format';
import { Page } from '../../shared/ui/Page';
import { ErrorState, Loading, QueryView } from '../../shared/ui/States';
import { useValueChains } from '../../shared/format/valueChains';
import { useDashboard, useSeries } from './api';
import { DashboardCharts } from './DashboardCharts';
import { DashboardFilters } from './DashboardFilters';
import { apiSearch, isFiltered, readFilters, toSearch } from './filters';
import { useReportLabels } from './labels';
import { MonthlySeries } from './MonthlySeries';
import { RegionMap } from './RegionMap';
import { hasColumn, isEmptyReport, seriesOf, tableNamed } from './reportTable';
import { ReportTableView } from './ReportTableView';
import { SummaryFigures } from './SummaryFigures';
import './dashboard.css';

const exportBase = '/api/reporting/dashboard';

/** A tenant's own figures, filtered by region, value chain, phase and period (kept in the address). */
export default function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const [search, setSearch] = useSearchParams();
  const filters = readFilters(search);
  const dashboard = useDashboard(filters);
  const series = useSeries(filters);
  const chains = useValueChains();
  const labels = useReportLabels();
  const query = apiSearch(filters);
  // The key figures are drawn first and the charts, map and tables in the next render: on a phone over a slow link the
  // numbers people open the page for show a few hundred milliseconds sooner.
  const [drawAll, setDrawAll] = useState(false);
  useEffect(() => {
    if (dashboard.data) startTransition(() => setDrawAll(true));
  }, [dashboard.data]);

  return (
    <Page title={t('title')} lead={dashboard.data?.tenantName}>
      <DashboardFilters key={search.toString()} filters={filters} chains={chains.data} onApply={(next) => setSearch(toSearch(next))} />
      <QueryView
        query={dashboard}
        isEmpty={(data) => isEmptyReport(data.summary, data.tables)}
        empty={isFiltered(filters) ? t('emptyFiltered') : t('empty')}
      >
        {(data) => {
          const regionTable = tableNamed(data.tables, 'regions');
          return (
            <>
              <SummaryFigures summary={data.summary} />
              {drawAll && (
                <>
                  <section aria-labelledby="charts-title">
                    <h2 id="charts-title">{t('chart.title')}</h2>
                    <DashboardCharts summary={data.summary} tables={data.tables} labels={labels} />
                    <div className="charts">
                      {series.isPending && <Loading />}
                      {series.isError && <ErrorState error={series.error} onRetry={() => void series.refetch()} />}
                      {series.data && hasColumn(series.data, 'producers') && (
                        <MonthlySeries
                          title={t('chart.producersByMonth')}
                          data={seriesOf(series.data, 'producers', (row) => labels.rowLabel(series.data, row))}
                          format={formatInteger}
                        />
                      )}
                      {series.data && hasColumn(series.data, 'programme_funds_approved') && (
                        <MonthlySeries
                          title={t('chart.fundsByMonth')}
                          data={seriesOf(series.data, 'programme_funds_approved', (row) => labels.rowLabel(series.data, row))}
                          format={formatMoney}
                        />
                      )}
                    </div>
                  </section>
                  {regionTable && (
                    <section aria-labelledby="map-title">
                      <h2 id="map-title">{t('map.heading')}</h2>
                      <RegionMap table={regionTable} columnKey="producers" title={t('map.producersTitle')} tableId={`report-${regionTable.name}`} />
                    </section>
                  )}
                  <section aria-labelledby="tables-title">
                    <h2 id="tables-title">{t('tablesTitle')}</h2>
                    {[data.summary, ...data.tables, ...(series.data ? [series.data] : [])].map((table) => (
                      <ReportTableView key={table.name} table={table} labels={labels} exportBase={exportBase} exportQuery={query} />
                    ))}
                  </section>
                </>
              )}
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}
