import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/format/format';
import { DataTable } from '../../shared/ui/DataTable';
import { QueryView } from '../../shared/ui/States';
import { useLeaderHistory, useMembershipHistory, type LeaderChangeDto, type MembershipDto } from './api';

/** Every membership the network had (joined, left and why) and its leaders over time. */
export function HistorySection({ networkId }: { networkId: string }) {
  const { t, i18n } = useTranslation('networks');
  const members = useMembershipHistory(networkId);
  const leaders = useLeaderHistory(networkId);
  const nameOf = new Map((members.data ?? []).map((m) => [m.producerId, m.fullName]));
  const date = (value: string) => formatDate(value, i18n.language);

  return (
    <section className="section" aria-labelledby="network-history">
      <h2 id="network-history">{t('history.title')}</h2>
      <QueryView query={members} isEmpty={(rows) => rows.length === 0} empty={t('history.noMembers')}>
        {(rows) => (
          <DataTable<MembershipDto>
            caption={t('history.membersCaption')}
            rows={[...rows].reverse()}
            rowKey={(m) => `${m.producerId}-${m.joinedOn}`}
            columns={[
              { key: 'name', header: t('members.name'), rowHeader: true, cell: (m) => m.fullName },
              { key: 'joined', header: t('members.joinedOn'), cell: (m) => date(m.joinedOn) },
              { key: 'left', header: t('history.leftOn'), cell: (m) => (m.leftOn ? date(m.leftOn) : t('history.stillMember')) },
              { key: 'reason', header: t('common:field.reason'), cell: (m) => m.leftReason ?? '—' },
            ]}
          />
        )}
      </QueryView>
      <QueryView query={leaders} isEmpty={(rows) => rows.length === 0} empty={t('history.noLeaders')}>
        {(rows) => (
          <DataTable<LeaderChangeDto>
            caption={t('history.leadersCaption')}
            rows={[...rows].reverse()}
            rowKey={(c) => c.recordedAt}
            columns={[
              { key: 'on', header: t('history.on'), rowHeader: true, cell: (c) => date(c.on) },
              { key: 'from', header: t('history.fromLeader'), cell: (c) => (c.fromProducerId ? (nameOf.get(c.fromProducerId) ?? '—') : '—') },
              { key: 'to', header: t('history.toLeader'), cell: (c) => nameOf.get(c.toProducerId) ?? '—' },
            ]}
          />
        )}
      </QueryView>
    </section>
  );
}
