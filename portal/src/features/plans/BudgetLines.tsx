import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../shared/format/format';
import { SelectField, TextField } from '../../shared/ui/Field';
import { newLine, type LineFigures, type LineProblem, type LineValues } from './budget';
import { categories } from './queries';

interface BudgetLinesProps {
  lines: LineValues[];
  figures: LineFigures[];
  /** After a save or submit was tried: every problem shows, also of fields still empty. */
  showAll: boolean;
  onChange: (lines: LineValues[]) => void;
}

const money = (cents: number) => formatMoney(cents / 100);

/** The budget lines: what, how many at what unit cost, and who pays it (programme, network cash, network in kind). */
export function BudgetLines({ lines, figures, showAll, onChange }: BudgetLinesProps) {
  const { t } = useTranslation('plans');

  function update(index: number, field: keyof Omit<LineValues, 'key'>, value: string) {
    onChange(lines.map((line, i) => (i === index ? { ...line, [field]: value } : line)));
  }

  return (
    <section className="card" aria-labelledby="plan-lines-title">
      <h2 id="plan-lines-title">{t('lines.title')}</h2>
      <p className="hint">{t('lines.hint')}</p>
      {lines.map((line, index) => {
        const figure = figures[index];
        const error = (problem: LineProblem, field: keyof LineValues) =>
          figure?.problems.includes(problem) && (showAll || line[field] !== '') ? t(`lines.problem.${problem}`) : undefined;
        const number = index + 1;
        return (
          <fieldset key={line.key} className="plan-line">
            <legend>{t('lines.legend', { number })}</legend>
            <div className="plan-line-grid">
              <SelectField label={t('lines.category')} required value={line.category} error={figure?.problems.includes('category') && showAll ? t('lines.problem.category') : undefined} onChange={(e) => update(index, 'category', e.target.value)}>
                <option value="">{t('lines.chooseCategory')}</option>
                {categories.map((category) => (
                  <option key={category} value={category}>
                    {t(`category.${category}`)}
                  </option>
                ))}
              </SelectField>
              <TextField label={t('lines.description')} required maxLength={500} value={line.description} error={error('description', 'description')} onChange={(e) => update(index, 'description', e.target.value)} />
              <TextField label={t('lines.quantity')} required inputMode="decimal" value={line.quantity} error={error('quantity', 'quantity')} onChange={(e) => update(index, 'quantity', e.target.value)} />
              <TextField label={t('lines.unitCost')} required inputMode="decimal" value={line.unitCost} error={error('unitCost', 'unitCost')} onChange={(e) => update(index, 'unitCost', e.target.value)} />
            </div>
            <p className="plan-line-amount">{t('lines.amount', { amount: money(figure?.amount ?? 0) })}</p>
            <div className="plan-line-grid">
              <TextField label={t('lines.programme')} inputMode="decimal" value={line.programme} error={error('programme', 'programme')} onChange={(e) => update(index, 'programme', e.target.value)} />
              <TextField label={t('lines.cash')} inputMode="decimal" value={line.cash} error={error('cash', 'cash')} onChange={(e) => update(index, 'cash', e.target.value)} />
              <TextField label={t('lines.inKind')} inputMode="decimal" value={line.inKind} error={error('inKind', 'inKind')} onChange={(e) => update(index, 'inKind', e.target.value)} />
            </div>
            {figure && figure.amount > 0 && (
              <p className={figure.unassigned === 0 ? 'hint' : 'error'}>
                {figure.unassigned === 0
                  ? t('lines.splitOk')
                  : figure.unassigned > 0
                    ? t('lines.toAssign', { amount: money(figure.unassigned) })
                    : t('lines.overAssigned', { amount: money(-figure.unassigned) })}
              </p>
            )}
            <div className="actions">
              <button type="button" className="button secondary small" disabled={lines.length === 1} onClick={() => onChange(lines.filter((_, i) => i !== index))}>
                {t('lines.remove', { number })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="button" className="button secondary" onClick={() => onChange([...lines, newLine()])}>
          {t('lines.add')}
        </button>
      </div>
    </section>
  );
}
