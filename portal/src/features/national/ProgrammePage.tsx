import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { formatDate, formatMoney } from '../../shared/format/format';
import { ConfirmDialog } from '../../shared/ui/ConfirmDialog';
import { DataTable } from '../../shared/ui/DataTable';
import { Page } from '../../shared/ui/Page';
import { Pagination } from '../../shared/ui/Pagination';
import { Alert, QueryView } from '../../shared/ui/States';
import { ProgrammeBadge } from './Badges';
import { ProgrammeForm } from './ProgrammeForm';
import { ProgrammeRules } from './ProgrammeRules';
import { programmeValues } from './programmeSchema';
import { keys, nameIn, pageSize, useInstitutionDirectory, type Programme, type ProgrammeRequest } from './queries';
import './national.css';

type Notice = 'published' | 'edited' | 'closed';

/** One national programme: its rules, money, per-institution budgets; editing and closing it. */
export default function ProgrammePage() {
  const { t, i18n } = useTranslation('national');
  const { id = '' } = useParams();
  const location = useLocation();
  const queries = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const [notice, setNotice] = useState<Notice | undefined>((location.state as { notice?: Notice } | null)?.notice);

  const programme = useQuery({
    queryKey: [...keys.programmes, 'one', id],
    queryFn: async () => orThrow(await api.GET('/api/programmes/{id}', { params: { path: { id } } })),
  });

  function saved(updated: Programme, what: Notice) {
    queries.setQueryData([...keys.programmes, 'one', id], updated);
    void queries.invalidateQueries({ queryKey: keys.programmes });
    setNotice(what);
  }

  const edit = useMutation({
    mutationFn: async (body: ProgrammeRequest) => orThrow(await api.PUT('/api/programmes/{id}', { params: { path: { id } }, body })),
    onSuccess: (updated) => {
      saved(updated, 'edited');
      setEditing(false);
    },
  });
  const close = useMutation({
    mutationFn: async () => orThrow(await api.POST('/api/programmes/{id}/close', { params: { path: { id } } })),
    onSuccess: (updated) => saved(updated, 'closed'),
  });

  return (
    <Page title={programme.data?.name ?? t('programmes.oneTitle')}>
      <p>
        <Link to="/nacional/programas">{t('programmes.backToList')}</Link>
      </p>
      {notice && <Alert kind="success">{t(`programmes.notice.${notice}`)}</Alert>}
      <QueryView query={programme}>
        {(data) =>
          editing ? (
            <section className="card" aria-labelledby="programme-edit">
              <h2 id="programme-edit">{t('programmes.editTitle')}</h2>
              <p className="hint">{t('programmes.editHint')}</p>
              <ProgrammeForm
                initial={programmeValues(data)}
                draftKey={`national.programme.${id}`}
                submitLabel={t('common:action.save')}
                onSubmit={async (body) => {
                  await edit.mutateAsync(body);
                }}
                onCancel={() => setEditing(false)}
              />
            </section>
          ) : (
            <>
              <p>
                <ProgrammeBadge closedAt={data.closedAt} />
                {data.closedAt && <> {t('programmes.closedOn', { date: formatDate(data.closedAt, i18n.language) })}</>}
              </p>
              {!data.closedAt && (
                <div className="actions">
                  <button type="button" className="button secondary" onClick={() => { setNotice(undefined); setEditing(true); }}>
                    {t('programmes.edit')}
                  </button>
                  <button type="button" className="button danger" onClick={() => { setNotice(undefined); setClosing(true); }}>
                    {t('programmes.close')}
                  </button>
                </div>
              )}
              <div className="card">
                <ProgrammeRules rules={data} />
              </div>
              <MoneyFigures programme={data} />
              <TenantBudgets programmeId={id} />
            </>
          )
        }
      </QueryView>
      {closing && (
        <ConfirmDialog title={t('programmes.closeTitle')} confirmLabel={t('programmes.close')} onConfirm={async () => void (await close.mutateAsync())} onClose={() => setClosing(false)}>
          <p>{t('programmes.closeText')}</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}

function MoneyFigures({ programme }: { programme: Programme }) {
  const { t } = useTranslation('national');
  return (
    <section className="card" aria-labelledby="programme-money">
      <h2 id="programme-money">{t('programmes.money')}</h2>
      <dl className="details">
        <dt>{t('rules.budget')}</dt>
        <dd>{formatMoney(Number(programme.totalBudgetPen))}</dd>
        <dt>{t('programmes.committed')}</dt>
        <dd>{formatMoney(Number(programme.committedPen))}</dd>
        <dt>{t('programmes.disbursed')}</dt>
        <dd>{formatMoney(Number(programme.disbursedPen))}</dd>
        <dt>{t('programmes.remaining')}</dt>
        <dd>{formatMoney(Number(programme.remainingPen))}</dd>
      </dl>
      {programme.isPublic && <p>{t('programmes.public')}</p>}
    </section>
  );
}

/** What the programme has committed to and paid on each institution's plans. */
function TenantBudgets({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation('national');
  const [page, setPage] = useState(1);
  const institutions = useInstitutionDirectory();
  const budgets = useQuery({
    queryKey: [...keys.programmes, 'budgets', programmeId, page],
    queryFn: async () =>
      orThrow(await api.GET('/api/programmes/{id}/budgets', { params: { path: { id: programmeId }, query: { Page: page, PageSize: pageSize } } })),
  });
  return (
    <section aria-labelledby="programme-budgets">
      <h2 id="programme-budgets">{t('programmes.budgets')}</h2>
      <QueryView query={budgets} isEmpty={(data) => data.items.length === 0} empty={t('programmes.budgetsEmpty')}>
        {(data) => (
          <>
            <DataTable
              caption={t('programmes.budgetsCaption')}
              rowKey={(row) => row.tenantId}
              rows={data.items}
              columns={[
                {
                  key: 'tenant',
                  header: t('field.institution'),
                  rowHeader: true,
                  cell: (row) => (
                    <Link to={`/nacional/revisiones?programa=${programmeId}&institucion=${row.tenantId}&estado=`}>{nameIn(institutions.data, row.tenantId)}</Link>
                  ),
                },
                { key: 'committed', header: t('programmes.committed'), numeric: true, cell: (row) => formatMoney(Number(row.committedPen)) },
                { key: 'disbursed', header: t('programmes.disbursed'), numeric: true, cell: (row) => formatMoney(Number(row.disbursedPen)) },
              ]}
            />
            <Pagination page={page} pageSize={pageSize} total={Number(data.totalCount)} onPage={setPage} />
          </>
        )}
      </QueryView>
    </section>
  );
}
