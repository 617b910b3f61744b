import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, useErrorMessage } from '../../../shared/ui/States';
import { BundleSummary } from './BundleSummary';
import { bundleHref, exportPersonalData, type FoundProducer } from './personalDataApi';

/** Gathers what every service holds about the producer into one JSON file, and shows it readably. */
export function ExportSection({ producer }: { producer: FoundProducer }) {
  const { t } = useTranslation('admin');
  const message = useErrorMessage();
  const gather = useMutation({ mutationFn: () => exportPersonalData(producer.id) });
  const bundle = gather.data;

  return (
    <section className="card" aria-labelledby="personal-data-export">
      <h2 id="personal-data-export">{t('personalData.export.title')}</h2>
      <p>{t('personalData.export.lead')}</p>
      <div className="actions">
        <button type="button" className="button" disabled={gather.isPending} onClick={() => gather.mutate()}>
          {gather.isPending ? t('personalData.export.working') : t('personalData.export.submit')}
        </button>
        {bundle && (
          <a className="button secondary" href={bundleHref(bundle)} download={`datos-personales-${producer.dni ?? producer.id}.json`}>
            {t('personalData.export.download')}
          </a>
        )}
      </div>
      {gather.isError && <Alert>{message(gather.error)}</Alert>}
      {bundle && <BundleSummary bundle={bundle} />}
    </section>
  );
}
