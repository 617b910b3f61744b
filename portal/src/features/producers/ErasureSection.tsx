import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type NetworksSchemas } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { ConfirmDialog } from '../../shared/ui/ConfirmDialog';
import { fullName, producerKeys, type Producer } from './api';

type ErasureReason = NonNullable<NetworksSchemas['schemas']['ErasureReason']>;
const reasons = ['Request', 'ConsentWithdrawn'] as const satisfies readonly ErasureReason[];

/**
 * A tenant admin erases the producer's personal data at their request or when they withdraw consent (Ley 29733): the
 * dialog says what goes and what stays before anything is sent. A leader is refused by the server, which names the
 * networks whose leader must change first; the refusal shows inside the dialog. Once erased, the page shows the
 * anonymous member and this section is gone.
 */
export function ErasureSection({ producer }: { producer: Producer }) {
  const { t } = useTranslation('producers');
  const queries = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState<ErasureReason>('Request');

  async function erase() {
    const result = await api.POST('/api/producers/{id}/erasure', { params: { path: { id: producer.id } }, body: { reason } });
    queries.setQueryData(producerKeys.one(producer.id), orThrow(result));
    await queries.invalidateQueries({ queryKey: ['producers', 'list'] });
  }

  return (
    <section className="card" aria-labelledby="producer-erasure">
      <h2 id="producer-erasure">{t('erasure.title')}</h2>
      <p>{t('erasure.text')}</p>
      <button type="button" className="button danger" onClick={() => setConfirming(true)}>
        {t('erasure.open')}
      </button>
      {confirming && (
        <ConfirmDialog
          title={t('erasure.confirmTitle', { name: fullName(producer) })}
          confirmLabel={t('erasure.confirm')}
          danger
          onConfirm={erase}
          onClose={() => setConfirming(false)}
        >
          <p>{t('erasure.removes')}</p>
          <p>{t('erasure.keeps')}</p>
          <p>{t('erasure.irreversible')}</p>
          <fieldset className="field checkbox-group">
            <legend>{t('erasure.reason')}</legend>
            <div className="checkbox-options">
              {reasons.map((option) => (
                <label key={option} className="checkbox">
                  <input type="radio" name="erasure-reason" value={option} checked={reason === option} onChange={() => setReason(option)} />
                  {t(`erasure.reasons.${option}`)}
                </label>
              ))}
            </div>
          </fieldset>
        </ConfirmDialog>
      )}
    </section>
  );
}
