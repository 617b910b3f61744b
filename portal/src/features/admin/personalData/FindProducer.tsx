import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { normalizeDni } from '../../../shared/format/dni';
import { useForm } from '../../../shared/forms/useForm';
import { TextField } from '../../../shared/ui/Field';
import { Alert, Empty } from '../../../shared/ui/States';
import { findByDni, type FoundProducer } from './personalDataApi';

// The producer form's DNI check (RENIEC's check character included), stored as its 8 digits.
const dniSearch = z.object({
  dni: z
    .string()
    .refine((value) => normalizeDni(value) !== null, 'admin:personalData.find.invalid')
    .transform((value) => normalizeDni(value) ?? ''),
});

interface Search {
  dni: string;
  producer: FoundProducer | null;
}

/** Finds the producer a request is about by their DNI, and says so when nobody has it. */
export function FindProducer({ onFound }: { onFound: (producer: FoundProducer | null) => void }) {
  const { t } = useTranslation('admin');
  const [search, setSearch] = useState<Search>();
  const form = useForm({
    schema: dniSearch,
    initial: { dni: '' },
    onSubmit: async ({ dni }) => {
      // A failed search must not leave the previous person on screen, ready to export.
      setSearch(undefined);
      onFound(null);
      const producer = await findByDni(dni);
      setSearch({ dni, producer });
      onFound(producer);
    },
  });

  return (
    <section className="card" aria-labelledby="personal-data-find">
      <h2 id="personal-data-find">{t('personalData.find.title')}</h2>
      <form className="filters" onSubmit={form.handleSubmit} noValidate>
        <TextField
          label={t('personalData.find.dni')}
          hint={t('personalData.find.hint')}
          inputMode="numeric"
          autoComplete="off"
          value={form.values.dni}
          error={form.errors.dni}
          onChange={(event) => form.set('dni', event.target.value)}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {t('personalData.find.submit')}
          </button>
        </div>
      </form>
      {form.failure && <Alert>{form.failure}</Alert>}
      {/* Announced when it changes: the answer appears below the form the user just sent. */}
      <div role="status">
        {search &&
          (search.producer ? (
            <p>
              {t('personalData.find.found')}{' '}
              <Link to={`/productores/${search.producer.id}`}>
                {search.producer.firstNames} {search.producer.lastNames}
              </Link>{' '}
              · {t('personalData.find.dniShown', { dni: search.producer.dni })}
            </p>
          ) : (
            <Empty>{t('personalData.find.none', { dni: search.dni })}</Empty>
          ))}
      </div>
    </section>
  );
}
