import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueuedNotice } from '../../shared/offline/PendingWrites';
import { Page } from '../../shared/ui/Page';
import { Alert } from '../../shared/ui/States';
import { fullName, type Producer } from './api';
import { ProducerForm } from './ProducerForm';
import { emptyProducer, type ProducerValues } from './producerSchema';
import { queued, useProducerWrites } from './producerWrites';

const draftKey = 'producers.new';

/**
 * Register a producer who has consented to the processing of their data. Offline the registration waits on this
 * device and the form is ready for the next producer at once, keeping the place and the consent's date (a specialist
 * registers a whole community in one visit); the consent itself is asked again for each one.
 */
export default function NewProducerPage() {
  const { t } = useTranslation(['producers', 'common', 'offline']);
  const { register } = useProducerWrites();
  const [registered, setRegistered] = useState<Producer>();
  const [kept, setKept] = useState<{ name: string; round: number; next: ProducerValues }>();

  if (registered) {
    return (
      <Page title={t('new.doneTitle')}>
        <Alert kind="success">{t('new.done', { name: fullName(registered) })}</Alert>
        <div className="actions">
          <Link className="button" to={`/productores/${registered.id}`}>
            {t('new.seeProducer')}
          </Link>
          <button type="button" className="button secondary" onClick={() => setRegistered(undefined)}>
            {t('new.another')}
          </button>
          <Link className="button secondary" to="/productores">
            {t('list.title')}
          </Link>
        </div>
      </Page>
    );
  }

  return (
    <Page title={t('new.title')} lead={t('new.lead')}>
      {kept && (
        <QueuedNotice>
          <p>{t('offline:result.queuedName', { name: kept.name })}</p>
        </QueuedNotice>
      )}
      <ProducerForm
        key={kept?.round ?? 0}
        initial={kept?.next ?? emptyProducer}
        focusDni={!!kept}
        draftKey={draftKey}
        submitLabel={t('new.submit')}
        onSubmit={async (body, values) => {
          const answer = await register(body);
          if (answer === queued) {
            // A fresh form for the next producer of the same place (its draft must not bring this one back).
            sessionStorage.removeItem(`redes.draft.${draftKey}`);
            const next = { ...emptyProducer, region: values.region, province: values.province, districtCode: values.districtCode, consentDate: values.consentDate };
            setKept((last) => ({ name: fullName(body), round: (last?.round ?? 0) + 1, next }));
          } else {
            setKept(undefined);
            setRegistered(answer);
          }
        }}
      >
        <Link className="button secondary" to="/productores">
          {t('common:action.cancel')}
        </Link>
      </ProducerForm>
    </Page>
  );
}
