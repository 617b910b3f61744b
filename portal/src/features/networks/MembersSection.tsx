import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { formatDate } from '../../shared/format/format';
import { DataTable } from '../../shared/ui/DataTable';
import { SelectField } from '../../shared/ui/Field';
import { ReasonDialog } from '../../shared/ui/ReasonDialog';
import { Alert, useErrorMessage } from '../../shared/ui/States';
import { networkKeys, type MemberDto, type NetworkDetails } from './api';
import { ProducerPicker } from './ProducerPicker';
import type { ChosenMember } from './schemas';

/** The current members; for those who may edit: add from the institution's producers, remove with a reason, change the leader. */
export function MembersSection({ network, editable, onChanged }: { network: NetworkDetails; editable: boolean; onChanged: (notice: string) => void }) {
  const { t, i18n } = useTranslation(['networks', 'common']);
  const queries = useQueryClient();
  const [removing, setRemoving] = useState<MemberDto>();
  const refresh = () => queries.invalidateQueries({ queryKey: networkKeys.one(network.id) });

  async function remove(member: MemberDto, reason: string) {
    orThrow(await api.POST('/api/networks/{id}/members/{producerId}/remove', { params: { path: { id: network.id, producerId: member.producerId } }, body: { reason, on: null } }));
    await refresh();
    onChanged(t('members.removed', { name: member.fullName }));
  }

  return (
    <section className="section" aria-labelledby="network-members">
      <h2 id="network-members">{t('members.title')}</h2>
      <DataTable<MemberDto>
        caption={t('members.caption')}
        rows={network.members}
        rowKey={(m) => m.producerId}
        columns={[
          { key: 'name', header: t('members.name'), rowHeader: true, cell: (m) => (m.isLeader ? t('members.leaderName', { name: m.fullName }) : m.fullName) },
          { key: 'gender', header: t('members.gender'), cell: (m) => t(`gender.${m.gender}`) },
          { key: 'joined', header: t('members.joinedOn'), cell: (m) => formatDate(m.joinedOn, i18n.language) },
          ...(editable
            ? [{
                key: 'actions',
                header: t('members.actions'),
                cell: (m: MemberDto) =>
                  m.isLeader ? (
                    <span className="hint">{t('members.leaderStays')}</span>
                  ) : (
                    <button type="button" className="button secondary small" onClick={() => setRemoving(m)}>
                      {t('members.remove', { name: m.fullName })}
                    </button>
                  ),
              }]
            : []),
        ]}
      />
      {removing && (
        <ReasonDialog
          title={t('members.removeTitle', { name: removing.fullName })}
          confirmLabel={t('members.removeConfirm')}
          reasonRequired
          onConfirm={(reason) => remove(removing, reason)}
          onClose={() => setRemoving(undefined)}
        />
      )}
      {editable && (
        <>
          <ChangeLeader network={network} onChanged={onChanged} />
          <AddMembers network={network} onChanged={onChanged} />
        </>
      )}
    </section>
  );
}

function ChangeLeader({ network, onChanged }: { network: NetworkDetails; onChanged: (notice: string) => void }) {
  const { t } = useTranslation('networks');
  const queries = useQueryClient();
  const message = useErrorMessage();
  const [leader, setLeader] = useState(network.leader?.producerId ?? '');
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    setBusy(true);
    try {
      const saved = orThrow(await api.PUT('/api/networks/{id}/leader', { params: { path: { id: network.id } }, body: { producerId: leader, on: null } }));
      queries.setQueryData(networkKeys.one(network.id), saved);
      void queries.invalidateQueries({ queryKey: networkKeys.leaders(network.id) });
      onChanged(t('members.leaderChanged', { name: saved.leader?.fullName ?? '' }));
    } catch (error) {
      setFailure(message(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={submit} aria-labelledby="network-leader">
      <h3 id="network-leader">{t('members.changeLeader')}</h3>
      {failure && <Alert>{failure}</Alert>}
      <SelectField label={t('field.leader')} value={leader} onChange={(e) => setLeader(e.target.value)}>
        {network.members.map((m) => (
          <option key={m.producerId} value={m.producerId}>
            {m.fullName}
          </option>
        ))}
      </SelectField>
      <div className="actions">
        <button type="submit" className="button secondary" disabled={busy || leader === network.leader?.producerId}>
          {t('members.changeLeaderSubmit')}
        </button>
      </div>
    </form>
  );
}

function AddMembers({ network, onChanged }: { network: NetworkDetails; onChanged: (notice: string) => void }) {
  const { t } = useTranslation('networks');
  const queries = useQueryClient();
  const message = useErrorMessage();
  const [chosen, setChosen] = useState<ChosenMember[]>([]);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(undefined);
    setBusy(true);
    const left = [...chosen];
    try {
      // One after the other: each one added leaves the list, so a refusal shows who is still to add.
      while (left.length > 0) {
        const member = left[0]!;
        orThrow(await api.POST('/api/networks/{id}/members', { params: { path: { id: network.id } }, body: { producerId: member.id, on: null } }));
        left.shift();
      }
      onChanged(t('members.added', { count: chosen.length }));
    } catch (error) {
      setFailure(message(error));
    } finally {
      setChosen(left);
      setBusy(false);
      void queries.invalidateQueries({ queryKey: networkKeys.one(network.id) });
    }
  }

  return (
    <form className="stack" onSubmit={submit} aria-labelledby="network-add-members">
      <h3 id="network-add-members">{t('members.addTitle')}</h3>
      {failure && <Alert>{failure}</Alert>}
      <ProducerPicker legend={t('members.addLegend')} chosen={chosen} onChange={setChosen} exclude={network.members.map((m) => m.producerId)} />
      <div className="actions">
        <button type="submit" className="button secondary" disabled={busy || chosen.length === 0}>
          {t('members.addSubmit', { count: chosen.length })}
        </button>
      </div>
    </form>
  );
}
