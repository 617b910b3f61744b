import { useState } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Page } from '../../shared/ui/Page';
import { Alert } from '../../shared/ui/States';
import { fullName, producerKeys, type Producer } from './api';
import { ProducerForm } from './ProducerForm';
import { emptyProducer } from './producerSchema';
import { registerProducer } from './producerWrites';

/** Register a producer who has consented to the processing of their data. */
export default function NewProducerPage() {
  const { t } = useTranslation(['producers', 'common']);
  const queries = useQueryClient();
  const [registered, setRegistered] = useState<Producer>();

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
      <ProducerForm
        initial={emptyProducer}
        draftKey="producers.new"
        submitLabel={t('new.submit')}
        onSubmit={async (body) => {
          const producer = await registerProducer(body);
          await queries.invalidateQueries({ queryKey: producerKeys.all });
          setRegistered(producer);
        }}
      >
        <Link className="button secondary" to="/productores">
          {t('common:action.cancel')}
        </Link>
      </ProducerForm>
    </Page>
  );
}
