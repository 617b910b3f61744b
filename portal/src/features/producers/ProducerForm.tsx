import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm } from '../../shared/forms/useForm';
import { Field, SelectField, TextField } from '../../shared/ui/Field';
import { Alert } from '../../shared/ui/States';
import { genders, today, type ProducerRequest } from './api';
import { DistrictPicker } from './DistrictPicker';
import { producerSchema, type ProducerValues } from './producerSchema';

interface ProducerFormProps {
  initial: ProducerValues;
  draftKey: string;
  submitLabel: string;
  /** The body to send, and the form's values as typed (a registration keeps the place for the next producer). */
  onSubmit: (body: ProducerRequest, values: ProducerValues) => Promise<void>;
  /** Puts the cursor in the DNI (the next of several producers registered in a row). */
  focusDni?: boolean;
  /** Shown above the fields (a conflict notice). */
  notice?: ReactNode;
  children?: ReactNode;
}

/** A producer's data: identity, district, phone and the consent (Ley 29733) with its date. */
export function ProducerForm({ initial, draftKey, submitLabel, onSubmit, notice, focusDni, children }: ProducerFormProps) {
  const { t } = useTranslation(['producers', 'common']);
  const now = today();
  let typed = initial;
  const form = useForm({ schema: producerSchema(now), initial, draftKey, onSubmit: (body) => onSubmit(body, typed) });
  typed = form.values;
  const { values, set, errors } = form;

  return (
    <>
      {notice}
      {form.failure && <Alert>{form.failure}</Alert>}
      <form className="stack" onSubmit={form.handleSubmit} noValidate>
        <TextField
          label={t('field.dni')}
          hint={t('hint.dni')}
          required
          inputMode="numeric"
          autoComplete="off"
          maxLength={10}
          autoFocus={focusDni}
          value={values.dni}
          error={errors.dni}
          onChange={(event) => set('dni', event.target.value)}
        />
        <TextField label={t('field.firstNames')} required autoComplete="off" maxLength={100} value={values.firstNames} error={errors.firstNames} onChange={(event) => set('firstNames', event.target.value)} />
        <TextField label={t('field.lastNames')} required autoComplete="off" maxLength={100} value={values.lastNames} error={errors.lastNames} onChange={(event) => set('lastNames', event.target.value)} />
        <SelectField label={t('field.gender')} required value={values.gender} error={errors.gender} onChange={(event) => set('gender', event.target.value as ProducerValues['gender'])}>
          <option value="">{t('place.choose')}</option>
          {genders.map((gender) => (
            <option key={gender} value={gender}>
              {t(`gender.${gender}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('field.birthYear')}
          required
          inputMode="numeric"
          maxLength={4}
          value={values.birthYear}
          error={errors.birthYear}
          onChange={(event) => set('birthYear', event.target.value)}
        />
        <DistrictPicker
          region={values.region}
          province={values.province}
          districtCode={values.districtCode}
          error={errors.districtCode}
          onChange={(place) => {
            set('region', place.region);
            set('province', place.province);
            set('districtCode', place.districtCode);
          }}
        />
        <TextField label={t('field.phone')} hint={t('hint.phone')} type="tel" autoComplete="off" maxLength={20} value={values.phone} error={errors.phone} onChange={(event) => set('phone', event.target.value)} />
        <Field label={t('field.consentGiven')} hint={t('hint.consent')} error={errors.consentGiven} required>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="checkbox"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              checked={values.consentGiven}
              onChange={(event) => set('consentGiven', event.target.checked)}
            />
          )}
        </Field>
        <TextField
          label={t('field.consentDate')}
          required
          type="date"
          max={now}
          value={values.consentDate}
          error={errors.consentDate}
          onChange={(event) => set('consentDate', event.target.value)}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {submitLabel}
          </button>
          {children}
        </div>
      </form>
    </>
  );
}
