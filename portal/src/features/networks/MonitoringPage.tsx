import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { formatMoney, formatNumber, formatPercent } from '../../shared/format/format';
import { useForm } from '../../shared/forms/useForm';
import { useUser } from '../../shared/session/session';
import { DataTable } from '../../shared/ui/DataTable';
import { TextAreaField, TextField } from '../../shared/ui/Field';
import { Page } from '../../shared/ui/Page';
import { Alert, Loading, QueryView, ErrorState } from '../../shared/ui/States';
import { canEditNetwork, networkKeys, peruToday, useMonitoring, useNetwork, type MonitoringRecordDto, type NetworkDetails } from './api';
import { EvidenceInput, maxFilesPerChange } from './EvidenceInput';
import { EvidenceList } from './EvidenceList';
import { isQueuedFor, isStale, monitoringPath, queued, useNetworkWrites, type EvidenceUpload } from './networkWrites';
import { ConflictLink, PendingWrites, QueuedNotice, useDropConflicts, usePendingWrites } from '../../shared/offline/PendingWrites';
import { monitoringSchema, type MonitoringValues } from './schemas';
import './networks.css';

/** "noviembre de 2026" for the record of 2026-11-01. */
export function formatPeriod(period: string, language: string): string {
  const [year, month] = period.split('-').map(Number);
  return new Intl.DateTimeFormat(language.startsWith('en') ? 'en-GB' : 'es-PE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year!, month! - 1, 1)),
  );
}

/** A network's monthly monitoring: the records, newest first, and a form to record a month or correct one. */
export default function MonitoringPage() {
  const { id = '' } = useParams();
  const network = useNetwork(id);
  return <QueryView query={network}>{(data) => <MonitoringView network={data} />}</QueryView>;
}

type Mode = { kind: 'new' } | { kind: 'correct'; period: string } | { kind: 'closed' };

function MonitoringView({ network }: { network: NetworkDetails }) {
  const { t, i18n } = useTranslation(['networks', 'common', 'offline']);
  const user = useUser().data;
  const monitoring = useMonitoring(network.id);
  const editable = canEditNetwork(user, network.specialistId);
  const [mode, setMode] = useState<Mode>({ kind: 'closed' });
  const [notice, setNotice] = useState<string>();
  const [waitingNotice, setWaitingNotice] = useState(false);
  const period = (value: string) => formatPeriod(value, i18n.language);
  const waiting = usePendingWrites((item) => isQueuedFor(network.id)(item) && item.entity.kind === 'monitoring');
  // A correction waiting on this device carries the version it was read at: the month is corrected again once sent.
  const correctionWaits = (value: string) => waiting.some((item) => item.method === 'PUT' && item.path === monitoringPath(network.id, value));
  const done = (saved: string | undefined, text: (period: string) => string) => {
    setMode({ kind: 'closed' });
    setWaitingNotice(false);
    if (saved === queued) setWaitingNotice(true);
    else if (saved) setNotice(text(period(saved)));
  };

  return (
    <Page
      title={t('monitoring.title', { name: network.name })}
      lead={t('monitoring.lead')}
      actions={
        <Link className="button secondary" to={`/redes/${network.id}`}>
          {t('monitoring.back')}
        </Link>
      }
    >
      {notice && <Alert kind="success">{notice}</Alert>}
      {waitingNotice && <QueuedNotice />}
      <PendingWrites items={waiting} />
      {editable && mode.kind === 'closed' && (
        <div className="actions">
          <button type="button" className="button" onClick={() => { setNotice(undefined); setWaitingNotice(false); setMode({ kind: 'new' }); }}>
            {t('monitoring.record')}
          </button>
        </div>
      )}
      {editable && mode.kind === 'new' && (
        <MonitoringForm
          network={network}
          onDone={(saved) => done(saved, (p) => t('monitoring.recorded', { period: p }))}
        />
      )}
      {editable && mode.kind === 'correct' && (
        <CorrectRecord
          key={mode.period}
          network={network}
          period={mode.period}
          onDone={(saved) => done(saved, (p) => t('monitoring.corrected', { period: p }))}
        />
      )}
      <section className="section" aria-labelledby="monitoring-records">
        <h2 id="monitoring-records">{t('monitoring.records')}</h2>
        <QueryView query={monitoring} isEmpty={(data) => data.records.length === 0} empty={t('monitoring.none')}>
          {(data) => (
            <>
              {data.incomeChangePercent != null && (
                <p>{t('monitoring.incomeChange', { change: formatPercent(Number(data.incomeChangePercent) / 100) })}</p>
              )}
              <DataTable<MonitoringRecordDto>
                caption={t('monitoring.caption')}
                rows={[...data.records].sort((a, b) => b.period.localeCompare(a.period))}
                rowKey={(r) => r.period}
                columns={[
                  { key: 'period', header: t('monitoring.period'), rowHeader: true, cell: (r) => period(r.period) },
                  { key: 'sales', header: t('monitoring.sales'), numeric: true, cell: (r) => formatMoney(Number(r.salesPen)) },
                  { key: 'volume', header: t('monitoring.volume'), numeric: true, cell: (r) => `${formatNumber(Number(r.volume))} ${r.volumeUnit}` },
                  { key: 'productivity', header: t('monitoring.productivity'), numeric: true, cell: (r) => `${formatNumber(Number(r.productivity))} ${r.productivityUnit}` },
                  { key: 'income', header: t('monitoring.income'), numeric: true, cell: (r) => formatMoney(Number(r.averageMemberNetIncomePen)) },
                  { key: 'practices', header: t('monitoring.practices'), cell: (r) => r.postHarvestPractices.join(', ') || '—' },
                  { key: 'channels', header: t('monitoring.channels'), cell: (r) => r.marketChannels.join(', ') || '—' },
                  { key: 'evidence', header: t('evidence.attached'), cell: (r) => (r.evidence?.length ? <EvidenceList files={r.evidence} /> : '—') },
                  ...(editable
                    ? [{
                        key: 'actions',
                        header: t('members.actions'),
                        cell: (r: MonitoringRecordDto) =>
                          correctionWaits(r.period) ? (
                            t('offline:state.pending')
                          ) : (
                            <button type="button" className="button secondary small" onClick={() => { setNotice(undefined); setWaitingNotice(false); setMode({ kind: 'correct', period: r.period }); }}>
                              {t('monitoring.correct', { period: period(r.period) })}
                            </button>
                          ),
                      }]
                    : []),
                ]}
              />
            </>
          )}
        </QueryView>
      </section>
    </Page>
  );
}

/** The record being corrected, read with its version (GET …/monitoring/{period}) for If-Match. */
function CorrectRecord({ network, period, onDone }: { network: NetworkDetails; period: string; onDone: (saved?: string) => void }) {
  const record = useQuery({
    queryKey: [...networkKeys.monitoring(network.id), period],
    queryFn: async () => orThrow(await api.GET('/api/networks/{id}/monitoring/{period}', { params: { path: { id: network.id, period } } })),
  });
  if (record.isPending) return <Loading />;
  if (record.isError) return <ErrorState error={record.error} onRetry={() => void record.refetch()} />;
  return <MonitoringForm network={network} record={record.data} onDone={onDone} onReload={() => void record.refetch()} />;
}

interface MonitoringFormProps {
  network: NetworkDetails;
  record?: MonitoringRecordDto;
  /** The period saved (sent), `queued` (waits on this device), or nothing (cancelled). */
  onDone: (saved?: string) => void;
  onReload?: () => void;
}

function MonitoringForm({ network, record, onDone, onReload }: MonitoringFormProps) {
  const { t, i18n } = useTranslation(['networks', 'common']);
  const { recordMonitoring, correctMonitoring } = useNetworkWrites();
  const dropConflicts = useDropConflicts();
  const today = peruToday();
  const [files, setFiles] = useState<EvidenceUpload[]>([]);
  const [preparing, setPreparing] = useState(false);
  const [stale, setStale] = useState(false);
  const initial: MonitoringValues = record
    ? {
        period: record.period.slice(0, 7),
        salesPen: String(record.salesPen),
        volume: String(record.volume),
        volumeUnit: record.volumeUnit,
        productivity: String(record.productivity),
        productivityUnit: record.productivityUnit,
        postHarvestPractices: record.postHarvestPractices.join('\n'),
        marketChannels: record.marketChannels.join('\n'),
        averageMemberNetIncomePen: String(record.averageMemberNetIncomePen),
      }
    : { period: '', salesPen: '', volume: '', volumeUnit: '', productivity: '', productivityUnit: '', postHarvestPractices: '', marketChannels: '', averageMemberNetIncomePen: '' };

  const { values, set, errors, failure, submitting, handleSubmit, clearDraft } = useForm({
    schema: monitoringSchema(today),
    initial,
    draftKey: `monitoring-${network.id}-${record?.period ?? 'new'}`,
    onSubmit: async (body) => {
      setStale(false);
      let answer;
      try {
        if (record) {
          const kept = (record.evidence ?? []).map((e) => e.id);
          answer = await correctMonitoring(network, record.period, record.version, { ...body, period: record.period, evidenceIds: kept }, files);
        } else {
          answer = await recordMonitoring(network, body, files);
        }
      } catch (error) {
        if (isStale(error)) setStale(true);
        throw error;
      }
      setFiles([]);
      // Sent: the queue refreshes the network's monitoring; queued: it waits on this device.
      onDone(answer === queued ? queued : (record?.period ?? body.period));
    },
  });

  const title = record ? t('monitoring.correctTitle', { period: formatPeriod(record.period, i18n.language) }) : t('monitoring.newTitle');
  return (
    <section className="section card" aria-labelledby="monitoring-form">
      <h2 id="monitoring-form">{title}</h2>
      <form className="stack" onSubmit={handleSubmit} noValidate>
        {stale ? (
          <Alert>
            <p>{t('monitoring.stale')}</p>
            <ConflictLink />
            <button type="button" className="button secondary" onClick={() => void dropConflicts(monitoringPath(network.id, record!.period)).then(() => { setStale(false); onReload?.(); })}>
              {t('edit.reload')}
            </button>
          </Alert>
        ) : (
          failure && <Alert>{failure}</Alert>
        )}
        <TextField
          label={t('monitoring.period')}
          hint={t('monitoring.periodHint')}
          type="month"
          required
          readOnly={!!record}
          max={today.slice(0, 7)}
          value={values.period}
          error={errors.period}
          onChange={(e) => set('period', e.target.value)}
        />
        <TextField label={t('monitoring.salesField')} hint={t('monitoring.amountHint')} inputMode="decimal" required value={values.salesPen} error={errors.salesPen} onChange={(e) => set('salesPen', e.target.value)} />
        <TextField label={t('monitoring.volume')} hint={t('monitoring.amountHint')} inputMode="decimal" required value={values.volume} error={errors.volume} onChange={(e) => set('volume', e.target.value)} />
        <TextField label={t('monitoring.volumeUnit')} hint={t('monitoring.volumeUnitHint')} required maxLength={20} value={values.volumeUnit} error={errors.volumeUnit} onChange={(e) => set('volumeUnit', e.target.value)} />
        <TextField label={t('monitoring.productivity')} hint={t('monitoring.amountHint')} inputMode="decimal" required value={values.productivity} error={errors.productivity} onChange={(e) => set('productivity', e.target.value)} />
        <TextField label={t('monitoring.productivityUnit')} hint={t('monitoring.productivityUnitHint')} required maxLength={40} value={values.productivityUnit} error={errors.productivityUnit} onChange={(e) => set('productivityUnit', e.target.value)} />
        <TextAreaField label={t('monitoring.practices')} hint={t('monitoring.linesHint')} rows={3} value={values.postHarvestPractices} error={errors.postHarvestPractices} onChange={(e) => set('postHarvestPractices', e.target.value)} />
        <TextAreaField label={t('monitoring.channels')} hint={t('monitoring.linesHint')} rows={3} value={values.marketChannels} error={errors.marketChannels} onChange={(e) => set('marketChannels', e.target.value)} />
        <TextField label={t('monitoring.incomeField')} hint={t('monitoring.amountHint')} inputMode="decimal" required value={values.averageMemberNetIncomePen} error={errors.averageMemberNetIncomePen} onChange={(e) => set('averageMemberNetIncomePen', e.target.value)} />
        {record?.evidence && record.evidence.length > 0 && <EvidenceList files={record.evidence} />}
        <EvidenceInput files={files} onChange={setFiles} onBusy={setPreparing} limit={maxFilesPerChange - (record?.evidence?.length ?? 0)} />
        <div className="actions">
          <button type="submit" className="button" disabled={submitting || preparing}>
            {record ? t('monitoring.saveCorrection') : t('monitoring.save')}
          </button>
          <button type="button" className="button secondary" onClick={() => { clearDraft(); onDone(); }}>
            {t('common:action.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
