import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { useForm } from '../../shared/forms/useForm';
import { regions } from '../../shared/format/regions';
import { rucProblem } from '../../shared/format/ruc';
import { CheckboxGroup, SelectField, TextField } from '../../shared/ui/Field';
import { Page } from '../../shared/ui/Page';
import { Alert } from '../../shared/ui/States';
import { applicationSchema, institutionKinds, suggestSlug, type ApplicationValues } from './applicationSchema';

const empty: ApplicationValues = {
  institutionName: '', kind: '' as ApplicationValues['kind'], ruc: '', regions: [], slug: '',
  adminFullName: '', adminEmail: '', adminPassword: '', confirmPassword: '',
};

/** An institution applies to join: its data, regions of work and first administrator. The national unit decides. */
export default function ApplyPage() {
  const { t } = useTranslation(['public', 'common']);
  const [submitted, setSubmitted] = useState<{ id: string; ruc: string }>();
  const [slugTouched, setSlugTouched] = useState(false);
  const form = useForm({
    schema: applicationSchema,
    initial: empty,
    onSubmit: async ({ confirmPassword: _, ...request }) => {
      const created = orThrow(await api.POST('/api/onboarding/applications', { body: request }));
      setSubmitted({ id: created.id, ruc: created.ruc });
    },
  });
  const { values, set, errors } = form;

  if (submitted) {
    return (
      <Page title={t('apply.doneTitle')}>
        <Alert kind="success">
          <p>{t('apply.doneText')}</p>
          <p>
            {t('apply.number')}: <strong>{submitted.id}</strong>
          </p>
        </Alert>
        <Link to={`/registro/estado?id=${submitted.id}&ruc=${submitted.ruc}`}>{t('apply.checkStatus')}</Link>
      </Page>
    );
  }

  // Told while typing, once the 11 digits are there (before that, "too short" would only nag).
  const rucLive = values.ruc.length === 11 ? rucProblem(values.ruc) : null;

  return (
    <Page title={t('apply.title')} lead={t('apply.lead')}>
      {form.failure && <Alert>{form.failure}</Alert>}
      <form className="stack" onSubmit={form.handleSubmit} noValidate>
        <h2>{t('apply.institution')}</h2>
        <TextField
          label={t('apply.institutionName')}
          required
          autoComplete="organization"
          value={values.institutionName}
          error={errors.institutionName}
          onChange={(event) => {
            set('institutionName', event.target.value);
            if (!slugTouched) set('slug', suggestSlug(event.target.value));
          }}
        />
        <SelectField label={t('apply.kind')} required value={values.kind} error={errors.kind} onChange={(event) => set('kind', event.target.value as ApplicationValues['kind'])}>
          <option value="">{t('apply.choose')}</option>
          {institutionKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`common:kind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label="RUC"
          required
          inputMode="numeric"
          maxLength={11}
          hint={t('apply.rucHint')}
          value={values.ruc}
          error={errors.ruc ?? (rucLive ? t(`apply.ruc.${rucLive}`) : undefined)}
          onChange={(event) => set('ruc', event.target.value.replace(/\D/g, ''))}
        />
        <TextField
          label={t('apply.slug')}
          required
          hint={t('apply.slugHint')}
          value={values.slug}
          error={errors.slug}
          onChange={(event) => {
            setSlugTouched(true);
            set('slug', event.target.value.toLowerCase());
          }}
        />
        <CheckboxGroup
          legend={t('apply.regions')}
          options={regions.map(([value, label]) => ({ value, label }))}
          selected={values.regions}
          error={errors.regions}
          onChange={(selected) => set('regions', selected)}
        />
        <h2>{t('apply.admin')}</h2>
        <p className="hint">{t('apply.adminHint')}</p>
        <TextField label={t('common:field.fullName')} required autoComplete="name" value={values.adminFullName} error={errors.adminFullName} onChange={(event) => set('adminFullName', event.target.value)} />
        <TextField label={t('common:field.email')} required type="email" autoComplete="email" value={values.adminEmail} error={errors.adminEmail} onChange={(event) => set('adminEmail', event.target.value)} />
        <TextField
          label={t('common:field.password')}
          required
          type="password"
          autoComplete="new-password"
          hint={t('common:validation.passwordRules')}
          value={values.adminPassword}
          error={errors.adminPassword}
          onChange={(event) => set('adminPassword', event.target.value)}
        />
        <TextField label={t('common:field.confirmPassword')} required type="password" autoComplete="new-password" value={values.confirmPassword} error={errors.confirmPassword} onChange={(event) => set('confirmPassword', event.target.value)} />
        <div className="actions">
          <button type="submit" className="button" disabled={form.submitting}>
            {t('apply.submit')}
          </button>
        </div>
      </form>
    </Page>
  );
}
