import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { SelectField } from '../../shared/ui/Field';
import { ReasonDialog } from '../../shared/ui/ReasonDialog';
import { Alert } from '../../shared/ui/States';
import { networkKeys, useSpecialists, type NetworkDetails } from './api';

/** Handing the network to another specialist (supervisors and administrators), with a reason kept in its history. */
export function HandOverSection({ network, onHandedOver }: { network: NetworkDetails; onHandedOver: (name: string) => void }) {
  const { t } = useTranslation(['networks', 'common']);
  const queries = useQueryClient();
  const specialists = useSpecialists(true);
  const [to, setTo] = useState('');
  const [confirming, setConfirming] = useState(false);
  const candidates = (specialists.data ?? []).filter((s) => s.id !== network.specialistId);
  const chosen = candidates.find((s) => s.id === to);

  async function handOver(reason: string) {
    const saved = orThrow(await api.PUT('/api/networks/{id}/specialist', { params: { path: { id: network.id } }, body: { specialistId: to, reason, on: null } }));
    queries.setQueryData(networkKeys.one(network.id), saved);
    void queries.invalidateQueries({ queryKey: networkKeys.specialists(network.id) });
    void queries.invalidateQueries({ queryKey: ['networks', 'list'] });
    setTo('');
    onHandedOver(saved.specialistName ?? chosen?.fullName ?? '');
  }

  return (
    <section className="section" aria-labelledby="network-hand-over">
      <h2 id="network-hand-over">{t('handOver.title')}</h2>
      {specialists.isError ? (
        <Alert kind="info">{t('specialists.unavailable')}</Alert>
      ) : (
        <div className="stack">
          <SelectField label={t('handOver.to')} value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">{t('new.choose')}</option>
            {candidates.map((s) => (
              <option key={s.id} value={s.id}>
                {s.fullName}
              </option>
            ))}
          </SelectField>
          <div className="actions">
            <button type="button" className="button secondary" disabled={!chosen} onClick={() => setConfirming(true)}>
              {t('handOver.submit')}
            </button>
          </div>
        </div>
      )}
      {confirming && chosen && (
        <ReasonDialog
          title={t('handOver.confirmTitle', { name: chosen.fullName })}
          confirmLabel={t('handOver.confirm')}
          reasonRequired
          onConfirm={handOver}
          onClose={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
