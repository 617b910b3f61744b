import { useTranslation } from 'react-i18next';
import { formatInteger } from '../../shared/format/format';
import { BarChart } from './BarChart';
import type { ReportLabels } from './labels';
import { cellOf, hasColumn, seriesOf, tableNamed } from './reportTable';
import { ShareBar } from './ShareBar';
import type { ReportTable } from './types';

/** Networks by value chain and by phase, and the share of women-led networks, from a dashboard's tables. */
export function DashboardCharts({ summary, tables, labels, marker }: { summary: ReportTable; tables: ReportTable[]; labels: ReportLabels; marker?: string }) {
  const { t } = useTranslation('dashboard');
  const byChain = tableNamed(tables, 'value-chains');
  const byPhase = tableNamed(tables, 'phases');
  const networks = cellOf(summary, summary.total, 'networks');
  const womenLed = cellOf(summary, summary.total, 'networks_women_led');

  return (
    <div className="charts">
      {byChain && hasColumn(byChain, 'networks') && (
        <BarChart
          title={t('chart.networksByChain')}
          data={seriesOf(byChain, 'networks', (row) => labels.rowLabel(byChain, row))}
          format={formatInteger}
          marker={marker}
        />
      )}
      {byPhase && hasColumn(byPhase, 'networks') && (
        <BarChart
          title={t('chart.networksByPhase')}
          data={seriesOf(byPhase, 'networks', (row) => labels.rowLabel(byPhase, row))}
          format={formatInteger}
          marker={marker}
        />
      )}
      {networks && womenLed && (
        <ShareBar
          title={t('chart.womenLed')}
          part={womenLed.value}
          whole={networks.value}
          partLabel={t('chart.womenLedPart')}
          restLabel={t('chart.otherNetworks')}
          suppressed={networks.suppressed || womenLed.suppressed}
          marker={marker}
        />
      )}
    </div>
  );
}
