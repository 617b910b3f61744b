import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../../../shared/api/client';
import { orThrow } from '../../../shared/api/problem';
import { useForm } from '../../../shared/forms/useForm';
import { regionName } from '../../../shared/format/regions';
import { Page } from '../../../shared/ui/Page';
import { Alert, QueryView } from '../../../shared/ui/States';
import { adminKeys, useCurrentTenant, type Tenant } from '../api';

const requirementSchema = z.object({ required: z.boolean() });

/** The institution's settings: its details, and whether everyone must sign in with two-step verification. */
export default function SettingsPage() {
  const { t } = useTranslation(['admin', 'common']);
  const tenant = useCurrentTenant();
  return (
    <Page title={t('settings.title')}>
      <QueryView query={tenant}>{(current) => <Settings tenant={current} />}</QueryView>
    </Page>
  );
}

function Settings({ tenant }: { tenant: Tenant }) {
  const { t } = useTranslation(['admin', 'common']);
  const queries = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useForm({
    schema: requirementSchema,
    initial: { required: tenant.requiresTwoFactor },
    onSubmit: async ({ required }) => {
      queries.setQueryData(adminKeys.tenant, orThrow(await api.PUT('/api/tenants/current/two-factor', { body: { required } })));
      setSaved(true);
    },
  });

  return (
    <>
      <section className="card" aria-labelledby="settings-institution">
        <h2 id="settings-institution">{t('settings.institution')}</h2>
        <dl className="details">
          <dt>{t('settings.name')}</dt>
          <dd>{tenant.name}</dd>
          <dt>RUC</dt>
          <dd>{tenant.ruc}</dd>
          <dt>{t('settings.regions')}</dt>
          <dd>{tenant.regions.map(regionName).join(', ')}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="settings-two-factor">
        <h2 id="settings-two-factor">{t('settings.twoFactor')}</h2>
        <p className="hint" id="settings-two-factor-hint">{t('settings.twoFactorHint')}</p>
        {saved && <Alert kind="success">{t(form.values.required ? 'settings.requiredSaved' : 'settings.optionalSaved')}</Alert>}
        {form.failure && <Alert>{form.failure}</Alert>}
        <form className="stack" onSubmit={form.handleSubmit} noValidate>
          <label className="checkbox">
            <input type="checkbox" checked={form.values.required} aria-describedby="settings-two-factor-hint" onChange={(e) => { setSaved(false); form.set('required', e.target.checked); }} />
            {t('settings.requireTwoFactor')}
          </label>
          <div className="actions">
            <button type="submit" className="button" disabled={form.submitting}>
              {t('common:action.save')}
            </button>
          </div>
        </form>
      </section>
    </>
  );
}
