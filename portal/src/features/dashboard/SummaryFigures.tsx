import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInteger, formatPercent } from '../../shared/format/format';
import { CellValue } from './CellValue';
import { cellOf } from './reportTable';
import { SuppressedMark } from './Suppressed';
import type { ReportTable } from './types';

interface KeyFigure {
  key: string;
  label: string;
  value: ReactNode;
  detail?: ReactNode;
}

/**
 * The figures people look for first, as cards: producers (and, nationally, unique producers), networks, the share of women-led networks, trained
 * specialists, programme funds and the networks' contribution with its share. Cards wrap onto more rows on a narrow
 * screen and a figure never breaks inside a number.
 */
export function SummaryFigures({ summary, marker }: { summary: ReportTable; marker?: string }) {
  const { t } = useTranslation('dashboard');
  const cell = (key: string) => cellOf(summary, summary.total, key);
  const value = (key: string) => {
    const c = cell(key);
    return c && <CellValue columnKey={key} value={c.value} suppressed={c.suppressed} marker={marker} />;
  };
  const figures: KeyFigure[] = [];

  const add = (key: string, label: string, detail?: ReactNode) => {
    if (cell(key)) figures.push({ key, label, value: value(key), detail });
  };

  add('producers', t('figures.producers'));
  // National only: the service sends it beside the institutions' sum, each person counted once.
  add('producers_unique', t('figures.uniqueProducers'), t('figures.uniqueProducersDetail'));
  add('networks', t('figures.networks'));

  const networks = cell('networks');
  const womenLed = cell('networks_women_led');
  if (networks && womenLed) {
    const hidden = networks.suppressed || womenLed.suppressed;
    const share = !hidden && networks.value && womenLed.value !== null ? womenLed.value / networks.value : null;
    figures.push({
      key: 'women_led_share',
      label: t('figures.womenLedShare'),
      value: hidden ? <SuppressedMark marker={marker ?? '*'} /> : share === null ? '—' : formatPercent(share),
      detail: !hidden && womenLed.value !== null && t('figures.womenLedDetail', { count: womenLed.value, formatted: formatInteger(womenLed.value) }),
    });
  }

  const specialists = cell('specialists');
  add(
    'specialists_trained',
    t('figures.trainedSpecialists'),
    specialists && !specialists.suppressed && specialists.value !== null && t('figures.ofSpecialists', { total: formatInteger(specialists.value) }),
  );
  add('programme_funds_approved', t('figures.programmeFunds'));
  const share = cell('contribution_share_percent');
  add(
    'network_contribution_approved',
    t('figures.networkContribution'),
    share && (share.suppressed || share.value !== null) && (
      <>
        {t('figures.contributionShare')}{' '}
        <CellValue columnKey="contribution_share_percent" value={share.value} suppressed={share.suppressed} marker={marker} />
      </>
    ),
  );

  return (
    <section aria-labelledby="key-figures-title">
      <h2 id="key-figures-title">{t('figures.title')}</h2>
      <ul className="key-figures">
        {figures.map((figure) => (
          <li key={figure.key} className="card key-figure">
            <span className="key-figure-label">{figure.label}</span>
            <span className="key-figure-value">{figure.value}</span>
            {figure.detail && <span className="key-figure-detail">{figure.detail}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
