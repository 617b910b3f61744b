import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { formatDate, formatMoney, formatNumber } from '../../shared/format/format';
import type { User } from '../../shared/session/session';
import { DataTable } from '../../shared/ui/DataTable';
import { TextAreaField } from '../../shared/ui/Field';
import { ReasonDialog } from '../../shared/ui/ReasonDialog';
import { Alert, useErrorMessage } from '../../shared/ui/States';
import { actionsFor } from './actions';
import { CoFinancingSplit } from './CoFinancingSplit';
import { centsOf } from './money';
import { PlanHistory } from './PlanHistory';
import { ProgrammeBudget } from './ProgrammeBudget';
import { keys, nameIn, type Network, type Plan, type Programme } from './queries';
import { ContributionForm, DisbursementForm } from './RecordForms';

export type Done = 'approved' | 'rejected' | 'returned' | 'started' | 'closed' | 'disbursed' | 'contributed';
type Dialog = 'reject' | 'return' | 'close';

interface PlanDetailProps {
  plan: Plan;
  programme: Programme | undefined;
  network: Network | undefined;
  networks: Network[];
  user: User | null | undefined;
  /** What was just done, shown by the page (a returned plan reopens in the editor, where the notice must stay). */
  onDone: (what: Done | undefined) => void;
}

const money = (value: number | string) => formatMoney(Number(value));

/** A plan that is not being edited: its lines, totals and split, what was paid and put in, its history and the actions the person may take. */
export function PlanDetail({ plan, programme, network, networks, user, onDone: setDone }: PlanDetailProps) {
  const { t, i18n } = useTranslation('plans');
  const message = useErrorMessage();
  const queries = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>();
  const [comment, setComment] = useState('');
  const actions = actionsFor(plan, programme, network, user);
  const id = plan.id;

  function changed(updated: Plan, what: Done) {
    queries.setQueryData(keys.plan(id), updated);
    void queries.invalidateQueries({ queryKey: keys.plans, refetchType: 'none' });
    void queries.invalidateQueries({ queryKey: keys.programmes });
    setDone(what);
  }
  const approve = useMutation({
    mutationFn: async () => orThrow(await api.POST('/api/business-plans/{id}/approve', { params: { path: { id } }, body: { comment: comment.trim() || null } })),
    onSuccess: (updated) => changed(updated, 'approved'),
  });
  const start = useMutation({
    mutationFn: async () => orThrow(await api.POST('/api/business-plans/{id}/start-execution', { params: { path: { id } }, body: { comment: null } })),
    onSuccess: (updated) => changed(updated, 'started'),
  });
  const decide = async (what: Dialog, reason: string) => {
    const result =
      what === 'reject'
        ? await api.POST('/api/business-plans/{id}/reject', { params: { path: { id } }, body: { reason } })
        : await api.POST(what === 'return' ? '/api/business-plans/{id}/return' : '/api/business-plans/{id}/close', { params: { path: { id } }, body: { comment: reason || null } });
    changed(orThrow(result), what === 'reject' ? 'rejected' : what === 'return' ? 'returned' : 'closed');
  };
  const failure = approve.error ?? start.error;

  const split = {
    total: centsOf(plan.totalPen), programme: centsOf(plan.programmeFundsPen), cash: centsOf(plan.networkCashPen), inKind: centsOf(plan.networkInKindPen),
    network: centsOf(plan.networkContributionPen), share: Number(plan.networkContributionShare),
  };
  const executing = plan.status === 'Approved' || plan.status === 'InExecution' || plan.status === 'Closed';
  const lines = plan.lines.map((line, index) => ({ ...line, key: String(index) }));

  return (
    <>
      {failure && <Alert>{message(failure)}</Alert>}

      <section className="card" aria-labelledby="plan-summary-title">
        <h2 id="plan-summary-title">{t('detail.summary')}</h2>
        <dl className="details">
          <dt>{t('field.programme')}</dt>
          <dd>{programme ? t(programme.isNational ? 'editor.nationalProgramme' : 'editor.ownProgramme', { name: programme.name }) : nameIn(undefined, plan.programmeId)}</dd>
          <dt>{t('field.network')}</dt>
          <dd>
            <Link to={`/redes/${plan.networkId}`}>{nameIn(networks, plan.networkId)}</Link>
          </dd>
          <dt>{t('field.objectives')}</dt>
          <dd className="plan-objectives">{plan.objectives}</dd>
        </dl>
        {programme && <ProgrammeBudget programme={programme} />}
      </section>

      <DataTable
        caption={t('lines.title')}
        rowKey={(row) => row.key}
        rows={lines}
        columns={[
          { key: 'description', header: t('lines.description'), rowHeader: true, cell: (row) => row.description },
          { key: 'category', header: t('lines.category'), cell: (row) => t(`category.${row.category}`) },
          { key: 'quantity', header: t('lines.quantity'), numeric: true, cell: (row) => formatNumber(Number(row.quantity)) },
          { key: 'unit', header: t('lines.unitCost'), numeric: true, cell: (row) => money(row.unitCostPen) },
          { key: 'amount', header: t('lines.amountHeader'), numeric: true, cell: (row) => money(row.amountPen) },
          { key: 'programme', header: t('lines.programme'), numeric: true, cell: (row) => money(row.programmeFundsPen) },
          { key: 'cash', header: t('lines.cash'), numeric: true, cell: (row) => money(row.networkCashPen) },
          { key: 'inKind', header: t('lines.inKind'), numeric: true, cell: (row) => money(row.networkInKindPen) },
        ]}
      />

      <section className="card" aria-labelledby="plan-totals-title">
        <h2 id="plan-totals-title">{t('split.title')}</h2>
        <CoFinancingSplit split={split} headingId="plan-totals-title" />
      </section>

      {executing && (
        <section className="card" aria-labelledby="plan-paid-title">
          <h2 id="plan-paid-title">{t('paid.title')}</h2>
          <dl className="details">
            <dt>{t('paid.disbursed')}</dt>
            <dd>{t('paid.ofCommitted', { paid: money(plan.disbursedPen), committed: money(plan.programmeFundsPen) })}</dd>
            <dt>{t('paid.cash')}</dt>
            <dd>{t('paid.ofCommitted', { paid: money(plan.contributedCashPen), committed: money(plan.networkCashPen) })}</dd>
            <dt>{t('paid.inKind')}</dt>
            <dd>{t('paid.ofCommitted', { paid: money(plan.contributedInKindPen), committed: money(plan.networkInKindPen) })}</dd>
          </dl>
          {plan.disbursements.length > 0 && (
            <DataTable
              caption={t('paid.disbursements')}
              rowKey={(row) => row.id}
              rows={plan.disbursements}
              columns={[
                { key: 'on', header: t('paid.on'), rowHeader: true, cell: (row) => formatDate(row.on, i18n.language) },
                { key: 'amount', header: t('paid.amount'), numeric: true, cell: (row) => money(row.amountPen) },
                { key: 'reference', header: t('paid.reference'), cell: (row) => row.reference },
              ]}
            />
          )}
          {plan.contributions.length > 0 && (
            <DataTable
              caption={t('paid.contributions')}
              rowKey={(row) => row.id}
              rows={plan.contributions}
              columns={[
                { key: 'on', header: t('paid.on'), rowHeader: true, cell: (row) => formatDate(row.on, i18n.language) },
                { key: 'cash', header: t('contribute.cash'), numeric: true, cell: (row) => money(row.cashPen) },
                { key: 'inKind', header: t('contribute.inKind'), numeric: true, cell: (row) => money(row.inKindPen) },
                { key: 'description', header: t('contribute.description'), cell: (row) => row.description },
              ]}
            />
          )}
        </section>
      )}

      {actions.some((a) => a === 'approve' || a === 'startExecution' || a === 'close') && (
        <section className="card" aria-labelledby="plan-decide-title">
          <h2 id="plan-decide-title">{t('detail.actions')}</h2>
          {actions.includes('approve') && (
            <>
              <p className="hint">{t('detail.decideHint')}</p>
              <TextAreaField label={t('detail.approveComment')} hint={t('detail.approveCommentHint')} rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
            </>
          )}
          <div className="actions">
            {actions.includes('approve') && (
              <button type="button" className="button" disabled={approve.isPending} onClick={() => { setDone(undefined); approve.mutate(); }}>
                {t('action.approve')}
              </button>
            )}
            {actions.includes('return') && (
              <button type="button" className="button secondary" onClick={() => { setDone(undefined); setDialog('return'); }}>
                {t('action.return')}
              </button>
            )}
            {actions.includes('reject') && (
              <button type="button" className="button danger" onClick={() => { setDone(undefined); setDialog('reject'); }}>
                {t('action.reject')}
              </button>
            )}
            {actions.includes('startExecution') && (
              <button type="button" className="button" disabled={start.isPending} onClick={() => { setDone(undefined); start.mutate(); }}>
                {t('action.startExecution')}
              </button>
            )}
            {actions.includes('close') && (
              <button type="button" className="button secondary" onClick={() => { setDone(undefined); setDialog('close'); }}>
                {t('action.close')}
              </button>
            )}
          </div>
        </section>
      )}
      {plan.status === 'Submitted' && programme && !programme.isNational && !actions.includes('approve') && <p>{t('detail.waitingSupervisor')}</p>}

      {actions.includes('disburse') && <DisbursementForm plan={plan} onRecorded={(updated) => changed(updated, 'disbursed')} />}
      {actions.includes('contribute') && <ContributionForm plan={plan} onRecorded={(updated) => changed(updated, 'contributed')} />}

      <PlanHistory plan={plan} />

      {dialog && (
        <ReasonDialog
          title={t(`dialog.${dialog}Title`)}
          confirmLabel={t(`action.${dialog}`)}
          reasonRequired={dialog !== 'close'}
          onConfirm={(reason) => decide(dialog, reason)}
          onClose={() => setDialog(undefined)}
        />
      )}
    </>
  );
}
