import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../shared/ui/Page';
import { ExportSection } from './ExportSection';
import { FindProducer } from './FindProducer';
import { ReadLog } from './ReadLog';
import type { FoundProducer } from './personalDataApi';
import '../admin.css';

/** A producer's rights over their data (Ley 29733): find them by DNI, hand them everything held, and see who read it. */
export default function PersonalDataPage() {
  const { t } = useTranslation('admin');
  const [producer, setProducer] = useState<FoundProducer | null>(null);
  return (
    <Page title={t('personalData.title')} lead={t('personalData.lead')}>
      <FindProducer onFound={setProducer} />
      {producer && <ExportSection key={producer.id} producer={producer} />}
      <ReadLog found={producer} />
    </Page>
  );
}
