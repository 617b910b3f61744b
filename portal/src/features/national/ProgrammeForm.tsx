import { useTranslation } from 'react-i18next';
import { useForm } from '../../shared/forms/useForm';
import { regions } from '../../shared/format/regions';
import { CheckboxGroup, SelectField, TextField } from '../../shared/ui/Field';
import { Alert } from '../../shared/ui/States';
import { phases } from '../../shared/format/phases';
import { useValueChains } from '../../shared/format/valueChains';
import { useNames } from './names';
import { programmeSchema, type ProgrammeValues } from './programmeSchema';
import type { ProgrammeRequest } from './queries';

interface ProgrammeFormProps {
  initial: ProgrammeValues;
  draftKey: string;
  submitLabel: string;
  onSubmit: (request: ProgrammeRequest) => Promise<void>;
  onCancel?: () => void;
}

/** Publishing or editing a national programme: its name, funder, money, the network's share, phase, dates and scope. */
export function ProgrammeForm({ initial, draftKey, submitLabel, onSubmit, onCancel }: ProgrammeFormProps) {
  const { t } = useTranslation(['national', 'common']);
  const names = useNames();
  const chains = useValueChains();
  const form = useForm({ schema: programmeSchema, initial, draftKey, onSubmit });
  const { values, set, errors } = form;

  return (
    <>
      {form.failure && <Alert>{form.failure}</Alert>}
      <form className="stack" onSubmit={form.handleSubmit} noValidate>
        <TextField label={t('form.name')} required value={values.name} error={errors.name} onChange={(e) => set('name', e.target.value)} />
        <TextField label={t('form.funder')} required value={values.funder} error={errors.funder} onChange={(e) => set('funder', e.target.value)} />
        <TextField
          label={t('form.budget')}
          required
          inputMode="decimal"
          hint={t('form.moneyHint')}
          value={values.totalBudgetPen}
          error={errors.totalBudgetPen}
          onChange={(e) => set('totalBudgetPen', e.target.value)}
        />
        <TextField
          label={t('form.maxPerPlan')}
          required
          inputMode="decimal"
          hint={t('form.maxPerPlanHint')}
          value={values.maxProgrammeFundsPerPlanPen}
          error={errors.maxProgrammeFundsPerPlanPen}
          onChange={(e) => set('maxProgrammeFundsPerPlanPen', e.target.value)}
        />
        <TextField
          label={t('form.minShare')}
          required
          inputMode="decimal"
          hint={t('form.minShareHint')}
          value={values.minSharePercent}
          error={errors.minSharePercent}
          onChange={(e) => set('minSharePercent', e.target.value)}
        />
        <SelectField label={t('form.minPhase')} required hint={t('form.minPhaseHint')} value={values.minPhase} error={errors.minPhase} onChange={(e) => set('minPhase', e.target.value as ProgrammeValues['minPhase'])}>
          {phases.map((_, index) => (
            <option key={index} value={String(index)}>
              {names.phase(index)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('form.startsOn')} required type="date" value={values.startsOn} error={errors.startsOn} onChange={(e) => set('startsOn', e.target.value)} />
        <TextField label={t('form.endsOn')} required type="date" value={values.endsOn} error={errors.endsOn} onChange={(e) => set('endsOn', e.target.value)} />
        <CheckboxGroup
          legend={t('form.valueChains')}
          hint={t('form.valueChainsHint')}
          options={(chains.data ?? []).filter((chain) => chain.national).map((chain) => ({ value: chain.code, label: names.valueChain(chain.code) }))}
          selected={values.eligibleValueChains}
          error={errors.eligibleValueChains}
          onChange={(selected) => set('eligibleValueChains', selected)}
        />
        <CheckboxGroup
          legend={t('form.regions')}
          hint={t('form.regionsHint')}
          options={regions.map(([value, label]) => ({ value, label }))}
          selected={values.eligibleRegions}
          error={errors.eligibleRegions}
          onChange={(selected) => set('eligibleRegions', selected)}
        />
        <label className="checkbox">
          <input type="checkbox" checked={values.isPublic} aria-describedby="programme-public-hint" onChange={(e) => set('isPublic', e.target.checked)} />
          {t('form.isPublic')}
        </label>
        <p className="hint" id="programme-public-hint">{t('form.isPublicHint')}</p>
        <div className="actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {submitLabel}
          </button>
          {onCancel && (
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                form.clearDraft();
                onCancel();
              }}
            >
              {t('common:action.cancel')}
            </button>
          )}
        </div>
      </form>
    </>
  );
}
