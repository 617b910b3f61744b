import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { formatDate, formatInteger, formatMoney, formatPercent } from '../../shared/format/format';
import { regionName } from '../../shared/format/regions';
import { TextAreaField } from '../../shared/ui/Field';
import { Page } from '../../shared/ui/Page';
import { ReasonDialog } from '../../shared/ui/ReasonDialog';
import { Alert, QueryView, useErrorMessage } from '../../shared/ui/States';
import { ReviewBadge } from './Badges';
import { useNames } from './names';
import { ProgrammeRules } from './ProgrammeRules';
import { keys, nameIn, useInstitutionDirectory, type Programme, type Review } from './queries';
import { TrancheForm } from './TrancheForm';
import './national.css';

type Done = 'approved' | 'rejected' | 'returned' | 'paid';

/** One submission on the desk: the figures approval needs, the programme's rules, the decision and the tranches. */
export default function ReviewPage() {
  const { t } = useTranslation('national');
  const { id = '' } = useParams();
  const review = useQuery({
    queryKey: [...keys.reviews, 'one', id],
    queryFn: async () => orThrow(await api.GET('/api/national/reviews/{id}', { params: { path: { id } } })),
  });
  return (
    <Page title={t('reviews.oneTitle')} lead={t('reviews.oneLead')}>
      <p>
        <Link to="/nacional/revisiones">{t('reviews.backToDesk')}</Link>
      </p>
      <QueryView query={review}>{(data) => <ReviewDesk review={data} />}</QueryView>
    </Page>
  );
}

function ReviewDesk({ review }: { review: Review }) {
  const { t, i18n } = useTranslation('national');
  const names = useNames();
  const message = useErrorMessage();
  const queries = useQueryClient();
  const institutions = useInstitutionDirectory();
  const [done, setDone] = useState<Done>();
  const [deciding, setDeciding] = useState<'reject' | 'return'>();
  const [comment, setComment] = useState('');
  const id = review.id;
  const programme = useQuery({
    queryKey: [...keys.programmes, 'one', review.programmeId],
    queryFn: async () => orThrow(await api.GET('/api/programmes/{id}', { params: { path: { id: review.programmeId } } })),
  });

  function changed(updated: Review, what: Done) {
    queries.setQueryData([...keys.reviews, 'one', id], updated);
    void queries.invalidateQueries({ queryKey: keys.reviews });
    void queries.invalidateQueries({ queryKey: keys.programmes });
    setDone(what);
  }
  const approve = useMutation({
    mutationFn: async () =>
      orThrow(await api.POST('/api/national/reviews/{id}/approve', { params: { path: { id } }, body: { comment: comment.trim() || null } })),
    onSuccess: (updated) => changed(updated, 'approved'),
  });
  const reject = useMutation({
    mutationFn: async (reason: string) => orThrow(await api.POST('/api/national/reviews/{id}/reject', { params: { path: { id } }, body: { reason } })),
    onSuccess: (updated) => changed(updated, 'rejected'),
  });
  const send = useMutation({
    mutationFn: async (reason: string) => orThrow(await api.POST('/api/national/reviews/{id}/return', { params: { path: { id } }, body: { reason } })),
    onSuccess: (updated) => changed(updated, 'returned'),
  });

  const contribution = Number(review.networkCashPen) + Number(review.networkInKindPen);
  const share = review.networkContributionShare !== undefined ? Number(review.networkContributionShare) : Number(review.totalPen) ? contribution / Number(review.totalPen) : 0;

  return (
    <>
      {done && <Alert kind="success">{t(`reviews.done.${done}`)}</Alert>}
      <section className="card" aria-labelledby="review-figures">
        <h2 id="review-figures">{t('reviews.figures')}</h2>
        <dl className="details">
          <dt>{t('field.institution')}</dt>
          <dd>{nameIn(institutions.data, review.tenantId)}</dd>
          <dt>{t('field.programme')}</dt>
          <dd>
            <Link to={`/nacional/programas/${review.programmeId}`}>{programme.data?.name ?? t('reviews.programmeLink')}</Link>
          </dd>
          <dt>{t('field.valueChain')}</dt>
          <dd>{names.valueChain(review.valueChainCode)}</dd>
          <dt>{t('common:field.region')}</dt>
          <dd>{regionName(review.regionCode)}</dd>
          <dt>{t('field.members')}</dt>
          <dd>{formatInteger(Number(review.memberCount))}</dd>
          <dt>{t('field.programmeFunds')}</dt>
          <dd>{formatMoney(Number(review.programmeFundsPen))}</dd>
          <dt>{t('field.networkCash')}</dt>
          <dd>{formatMoney(Number(review.networkCashPen))}</dd>
          <dt>{t('field.networkInKind')}</dt>
          <dd>{formatMoney(Number(review.networkInKindPen))}</dd>
          <dt>{t('field.networkContribution')}</dt>
          <dd>{t('reviews.contributionValue', { amount: formatMoney(contribution), share: formatPercent(share) })}</dd>
          <dt>{t('field.total')}</dt>
          <dd>{formatMoney(Number(review.totalPen))}</dd>
          <dt>{t('field.submittedAt')}</dt>
          <dd>{formatDate(review.submittedAt, i18n.language)}</dd>
          <dt>{t('common:field.status')}</dt>
          <dd>
            <ReviewBadge status={review.status} />
          </dd>
          {review.decidedAt && (
            <>
              <dt>{t('field.decidedAt')}</dt>
              <dd>{t('reviews.decidedBy', { date: formatDate(review.decidedAt, i18n.language), name: review.decidedByName ?? '—' })}</dd>
            </>
          )}
          {review.comment && (
            <>
              <dt>{t('field.comment')}</dt>
              <dd>{review.comment}</dd>
            </>
          )}
        </dl>
      </section>

      <QueryView query={programme}>
        {(data) => (
          <div className="card">
            <RuleChecks review={review} programme={data} share={share} />
            <ProgrammeRules rules={data} level={3} />
          </div>
        )}
      </QueryView>

      {review.status === 'Pending' && (
        <section className="card" aria-labelledby="review-decide">
          <h2 id="review-decide">{t('reviews.decide')}</h2>
          {approve.isError && <Alert>{message(approve.error)}</Alert>}
          <TextAreaField label={t('reviews.approveComment')} hint={t('reviews.approveCommentHint')} rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
          <div className="actions">
            <button type="button" className="button" disabled={approve.isPending} onClick={() => { setDone(undefined); approve.mutate(); }}>
              {t('reviews.approve')}
            </button>
            <button type="button" className="button secondary" onClick={() => { setDone(undefined); setDeciding('return'); }}>
              {t('reviews.return')}
            </button>
            <button type="button" className="button danger" onClick={() => { setDone(undefined); setDeciding('reject'); }}>
              {t('reviews.reject')}
            </button>
          </div>
        </section>
      )}

      {review.status === 'Approved' && <TrancheForm review={review} onPaid={(updated) => changed(updated, 'paid')} />}

      {deciding === 'reject' && (
        <ReasonDialog title={t('reviews.rejectTitle')} confirmLabel={t('reviews.reject')} reasonRequired onConfirm={async (reason) => void (await reject.mutateAsync(reason))} onClose={() => setDeciding(undefined)} />
      )}
      {deciding === 'return' && (
        <ReasonDialog title={t('reviews.returnTitle')} confirmLabel={t('reviews.return')} reasonRequired onConfirm={async (reason) => void (await send.mutateAsync(reason))} onClose={() => setDeciding(undefined)} />
      )}
    </>
  );
}

/** Whether the submission fits the programme's rules, as the service will check them on approval. */
function RuleChecks({ review, programme, share }: { review: Review; programme: Programme; share: number }) {
  const { t } = useTranslation('national');
  const funds = Number(review.programmeFundsPen);
  const checks = [
    { key: 'maxPerPlan', ok: funds <= Number(programme.maxProgrammeFundsPerPlanPen), value: formatMoney(Number(programme.maxProgrammeFundsPerPlanPen)) },
    { key: 'minShare', ok: share >= Number(programme.minNetworkContributionShare), value: formatPercent(Number(programme.minNetworkContributionShare)) },
    { key: 'remaining', ok: review.status !== 'Pending' || funds <= Number(programme.remainingPen), value: formatMoney(Number(programme.remainingPen)) },
  ];
  return (
    <section aria-labelledby="review-checks">
      <h2 id="review-checks">{t('checks.title')}</h2>
      <ul className="checks">
        {checks.map((check) => (
          <li key={check.key}>
            <span className={check.ok ? 'badge badge-ok' : 'badge badge-off'}>{t(check.ok ? 'checks.meets' : 'checks.fails')}</span>{' '}
            {t(`checks.${check.key}`, { value: check.value })}
          </li>
        ))}
      </ul>
    </section>
  );
}
