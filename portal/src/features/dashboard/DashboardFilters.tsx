import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { regions } from '../../shared/format/regions';
import { SelectField, TextField } from '../../shared/ui/Field';
import { isFiltered, isMonth, noFilters, type Filters } from './filters';
import { phases } from '../../shared/format/phases';
import type { ValueChain } from './types';

interface DashboardFiltersProps {
  filters: Filters;
  chains: readonly ValueChain[] | undefined;
  onApply: (filters: Filters) => void;
}

/**
 * Region, value chain, phase and period (months, inclusive). Applied with one button, so a slow connection makes one
 * request for a change of several filters; the page keeps them in its address.
 */
export function DashboardFilters({ filters, chains, onApply }: DashboardFiltersProps) {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const [draft, setDraft] = useState<Filters>(filters);
  const [error, setError] = useState<{ from?: string; to?: string }>({});
  const english = i18n.language.startsWith('en');
  const set = (name: keyof Filters, value: string) => setDraft((current) => ({ ...current, [name]: value }));

  const sortedChains = [...(chains ?? [])].sort((a, b) =>
    (english ? a.nameEn : a.nameEs).localeCompare(english ? b.nameEn : b.nameEs, english ? 'en' : 'es'),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: { from?: string; to?: string } = {};
    if (draft.from && !isMonth(draft.from)) problems.from = t('filters.monthFormat');
    if (draft.to && !isMonth(draft.to)) problems.to = t('filters.monthFormat');
    if (!problems.from && !problems.to && draft.from && draft.to && draft.from > draft.to) problems.to = t('filters.periodOrder');
    setError(problems);
    if (!problems.from && !problems.to) onApply(draft);
  }

  function clear() {
    setDraft(noFilters);
    setError({});
    onApply(noFilters);
  }

  return (
    <form className="filters dashboard-filters" aria-label={t('filters.label')} onSubmit={submit} noValidate>
      <SelectField label={t('common:field.region')} value={draft.region} onChange={(e) => set('region', e.target.value)}>
        <option value="">{t('filters.allRegions')}</option>
        {regions.map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('filters.chain')} value={draft.chain} onChange={(e) => set('chain', e.target.value)}>
        <option value="">{t('filters.allChains')}</option>
        {sortedChains.map((chain) => (
          <option key={chain.code} value={chain.code}>
            {english ? chain.nameEn : chain.nameEs}
          </option>
        ))}
        {draft.chain && !sortedChains.some((chain) => chain.code === draft.chain) && <option value={draft.chain}>{draft.chain}</option>}
      </SelectField>
      <SelectField label={t('filters.phase')} value={draft.phase} onChange={(e) => set('phase', e.target.value)}>
        <option value="">{t('filters.allPhases')}</option>
        {phases.map((name, phase) => (
          <option key={name} value={String(phase)}>
            {t(`common:phase.${name}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('filters.from')}
        type="month"
        hint={t('filters.monthHint')}
        value={draft.from}
        error={error.from}
        onChange={(e) => set('from', e.target.value)}
      />
      <TextField
        label={t('filters.to')}
        type="month"
        hint={t('filters.monthHint')}
        value={draft.to}
        error={error.to}
        onChange={(e) => set('to', e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="button">
          {t('filters.apply')}
        </button>
        <button type="button" className="button secondary" onClick={clear} disabled={!isFiltered(filters) && !isFiltered(draft)}>
          {t('filters.clear')}
        </button>
      </div>
    </form>
  );
}
