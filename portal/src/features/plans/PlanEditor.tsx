import { useMemo, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { ProblemError, orThrow } from '../../shared/api/problem';
import { useForm } from '../../shared/forms/useForm';
import { formatMoney, formatPercent } from '../../shared/format/format';
import { SelectField, TextAreaField, TextField } from '../../shared/ui/Field';
import { Alert, useErrorMessage } from '../../shared/ui/States';
import { BudgetLines } from './BudgetLines';
import { checksOf, eligible, lineFigures, linesOf, newLine, splitOf, toRequestLines } from './budget';
import { CoFinancingSplit } from './CoFinancingSplit';
import { planSchema, type PlanValues } from './planSchema';
import { ProgrammeBudget } from './ProgrammeBudget';
import { keys, nameIn, type Network, type Plan, type Programme } from './queries';
import { RuleChecklist } from './RuleChecklist';

interface PlanEditorProps {
  /** The saved plan (draft or returned); none for a new one. */
  plan?: Plan;
  /** The network asked for in the address of a new plan (?red=). */
  networkId?: string;
  programmes: Programme[];
  networks: Network[];
}

export type Notice = 'saved' | 'submitted' | 'savedNotSubmitted';

/**
 * The plan editor: programme and network (new plans only), title, objectives, budget lines with their split, the
 * totals and the programme's rules checked while typing. Saves a draft, or saves and submits it when every rule holds.
 */
export function PlanEditor({ plan, networkId = '', programmes, networks }: PlanEditorProps) {
  const { t } = useTranslation('plans');
  const message = useErrorMessage();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const intent = useRef<'save' | 'submit'>('save');
  const [tried, setTried] = useState(false);
  const open = programmes.filter((programme) => !programme.closedAt);

  const form = useForm({
    schema: planSchema,
    initial: {
      programmeId: plan?.programmeId ?? (open.length === 1 ? open[0]!.id : ''),
      networkId: plan?.networkId ?? networkId,
      title: plan?.title ?? '',
      objectives: plan?.objectives ?? '',
      lines: plan ? linesOf(plan) : [newLine()],
    } satisfies PlanValues,
    draftKey: plan ? `plans.edit.${plan.id}` : `plans.new.${networkId || 'any'}`,
    onSubmit: async (values) => {
      const lines = toRequestLines(values.lines);
      const saved = plan
        ? orThrow(await api.PUT('/api/business-plans/{id}', { params: { path: { id: plan.id } }, body: { title: values.title, objectives: values.objectives, lines } }))
        : orThrow(
            await api.POST('/api/business-plans', {
              body: { title: values.title, objectives: values.objectives, programmeId: values.programmeId, networkId: values.networkId, lines },
            }),
          );
      queries.setQueryData(keys.plan(saved.id), saved);
      void queries.invalidateQueries({ queryKey: keys.plans, refetchType: 'none' });
      let notice: Notice = 'saved';
      let failure: string | undefined;
      if (intent.current === 'submit') {
        try {
          const submitted = orThrow(await api.POST('/api/business-plans/{id}/submit', { params: { path: { id: saved.id } }, body: { comment: null } }));
          queries.setQueryData(keys.plan(saved.id), submitted);
          notice = 'submitted';
        } catch (error) {
          // The form shows the refusal at its top (it concerns the plan as a whole); what was typed is saved.
          if (plan) throw error instanceof ProblemError ? new ProblemError({ ...error.problem, errors: undefined }) : error;
          notice = 'savedNotSubmitted';
          failure = message(error);
        }
      }
      form.clearDraft();
      navigate(`/planes/${saved.id}`, { replace: !plan, state: { notice, failure } });
    },
  });
  const { values, set, errors } = form;

  const programme = programmes.find((p) => p.id === values.programmeId);
  const network = networks.find((n) => n.id === values.networkId);
  const figures = useMemo(() => values.lines.map(lineFigures), [values.lines]);
  const split = useMemo(() => splitOf(figures), [figures]);
  const money = (cents: number) => formatMoney(cents / 100);
  const checks = checksOf({ lines: figures, split, programme, network, networkId: values.networkId, money, percent: formatPercent });
  const failing = checks.filter((check) => !check.ok);
  const eligibleNetworks = programme ? networks.filter((n) => eligible(programme, n)) : networks;
  const otherNetworks = programme ? networks.filter((n) => !eligible(programme, n)) : [];

  return (
    <form onSubmit={form.handleSubmit} noValidate>
      {form.failure && <Alert>{form.failure}</Alert>}
      <section className="card stack" aria-labelledby="plan-about-title">
        <h2 id="plan-about-title">{t('editor.about')}</h2>
        {plan ? (
          <dl className="details">
            <dt>{t('field.programme')}</dt>
            <dd>{nameIn(programmes, plan.programmeId)}</dd>
            <dt>{t('field.network')}</dt>
            <dd>
              <Link to={`/redes/${plan.networkId}`}>{nameIn(networks, plan.networkId)}</Link>
            </dd>
          </dl>
        ) : (
          <>
            <SelectField label={t('field.programme')} required value={values.programmeId} error={errors.programmeId} hint={t('editor.programmeHint')} onChange={(e) => set('programmeId', e.target.value)}>
              <option value="">{t('editor.chooseProgramme')}</option>
              {open.map((p) => (
                <option key={p.id} value={p.id}>
                  {t(p.isNational ? 'editor.nationalProgramme' : 'editor.ownProgramme', { name: p.name })}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('field.network')} required value={values.networkId} error={errors.networkId} hint={programme ? t('editor.networkHint') : undefined} onChange={(e) => set('networkId', e.target.value)}>
              <option value="">{t('editor.chooseNetwork')}</option>
              {programme ? (
                <>
                  <optgroup label={t('editor.eligibleNetworks')}>
                    {eligibleNetworks.map((n) => (
                      <option key={n.id} value={n.id}>
                        {n.name}
                      </option>
                    ))}
                  </optgroup>
                  {otherNetworks.length > 0 && (
                    <optgroup label={t('editor.ineligibleNetworks')}>
                      {otherNetworks.map((n) => (
                        <option key={n.id} value={n.id}>
                          {n.name}
                        </option>
                      ))}
                    </optgroup>
                  )}
                </>
              ) : (
                networks.map((n) => (
                  <option key={n.id} value={n.id}>
                    {n.name}
                  </option>
                ))
              )}
            </SelectField>
          </>
        )}
        {programme && <ProgrammeBudget programme={programme} />}
        <TextField label={t('field.title')} required maxLength={200} value={values.title} error={errors.title} onChange={(e) => set('title', e.target.value)} />
        <TextAreaField label={t('field.objectives')} required rows={4} maxLength={4000} value={values.objectives} error={errors.objectives} onChange={(e) => set('objectives', e.target.value)} />
      </section>

      <BudgetLines lines={values.lines} figures={figures} showAll={tried} onChange={(lines) => set('lines', lines)} />
      {errors.lines && <p className="error">{errors.lines}</p>}

      <section className="card" aria-labelledby="plan-totals-title">
        <h2 id="plan-totals-title">{t('split.title')}</h2>
        <CoFinancingSplit split={split} headingId="plan-totals-title" />
      </section>

      <RuleChecklist checks={checks} id="plan-checks" />

      <div className="actions plan-submit">
        <button type="submit" className="button secondary" disabled={form.submitting} onClick={() => { intent.current = 'save'; setTried(true); }}>
          {t('editor.save')}
        </button>
        <button
          type="submit"
          className="button"
          disabled={form.submitting || failing.length > 0}
          aria-describedby={failing.length > 0 ? 'plan-submit-reasons' : undefined}
          onClick={() => { intent.current = 'submit'; setTried(true); }}
        >
          {t('editor.submit')}
        </button>
      </div>
      {failing.length > 0 && (
        <div id="plan-submit-reasons" className="hint">
          <p>{t('editor.submitBlocked')}</p>
          <ul>
            {failing.map((check) => (
              <li key={check.key}>{t(`checks.${check.key}.short`)}</li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
