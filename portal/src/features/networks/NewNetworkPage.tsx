import { useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api/client';
import { orThrow } from '../../shared/api/problem';
import { regions } from '../../shared/format/regions';
import { useValueChains } from '../../shared/format/valueChains';
import { useForm } from '../../shared/forms/useForm';
import { hasRole, useUser, type User } from '../../shared/session/session';
import { SelectField, TextField } from '../../shared/ui/Field';
import { Page } from '../../shared/ui/Page';
import { Alert, Loading } from '../../shared/ui/States';
import { legalForms, networkKeys, peruToday, useSpecialists } from './api';
import { ProducerPicker } from './ProducerPicker';
import { formNetworkSchema, type FormNetworkValues } from './schemas';
import './networks.css';

/** Forming a network: name, chain, region, members from the institution's producers and a leader among them. */
export default function NewNetworkPage() {
  const user = useUser().data;
  if (!user) return <Loading />;
  return <NewNetworkForm user={user} />;
}

function NewNetworkForm({ user }: { user: User }) {
  const { t, i18n } = useTranslation(['networks', 'common']);
  const navigate = useNavigate();
  const queries = useQueryClient();
  const chains = useValueChains();
  const today = peruToday();
  // A specialist forms their own networks; a supervisor or administrator names the specialist.
  const picksSpecialist = hasRole(user, 'TenantAdmin', 'Supervisor');
  const specialists = useSpecialists(picksSpecialist);

  const form = useMutation({
    mutationFn: async (body: ReturnType<ReturnType<typeof formNetworkSchema>['parse']>) => orThrow(await api.POST('/api/networks', { body })),
    onSuccess: (network) => {
      void queries.invalidateQueries({ queryKey: networkKeys.all });
      void navigate(`/redes/${network.id}`, { state: { formed: true } });
    },
  });

  const initial: FormNetworkValues = {
    name: '',
    valueChainCode: '',
    regionCode: '',
    specialistId: picksSpecialist ? '' : user.id,
    members: [],
    leaderProducerId: '',
    formedOn: today,
    legalForm: 'Informal',
    ruc: '',
  };
  const { values, set, errors, failure, submitting, handleSubmit } = useForm({
    schema: formNetworkSchema(today),
    initial,
    draftKey: `network-new-${user.id}`,
    onSubmit: async (body) => {
      await form.mutateAsync(body);
    },
  });

  return (
    <Page title={t('new.title')} lead={t('new.lead')}>
      <form className="stack" onSubmit={handleSubmit} noValidate>
        {failure && <Alert>{failure}</Alert>}
        <TextField label={t('field.name')} required value={values.name} maxLength={200} error={errors.name} onChange={(e) => set('name', e.target.value)} />
        <SelectField label={t('field.chain')} required value={values.valueChainCode} error={errors.valueChainCode} onChange={(e) => set('valueChainCode', e.target.value)}>
          <option value="">{t('new.choose')}</option>
          {(chains.data ?? []).map((chain) => (
            <option key={chain.code} value={chain.code}>
              {i18n.language.startsWith('en') ? chain.nameEn : chain.nameEs}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('common:field.region')} required value={values.regionCode} error={errors.regionCode} onChange={(e) => set('regionCode', e.target.value)}>
          <option value="">{t('new.choose')}</option>
          {regions.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </SelectField>
        {picksSpecialist && (
          <>
            <SelectField label={t('field.specialist')} required value={values.specialistId} error={errors.specialistId} onChange={(e) => set('specialistId', e.target.value)}>
              <option value="">{t('new.choose')}</option>
              {hasRole(user, 'Specialist') && <option value={user.id}>{t('list.me')}</option>}
              {(specialists.data ?? [])
                .filter((s) => s.id !== user.id)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.fullName}
                  </option>
                ))}
            </SelectField>
            {specialists.isError && <Alert kind="info">{t('specialists.unavailable')}</Alert>}
          </>
        )}
        <ProducerPicker
          legend={t('field.members')}
          chosen={values.members}
          error={errors.members}
          onChange={(members) => {
            set('members', members);
            if (!members.some((m) => m.id === values.leaderProducerId)) set('leaderProducerId', '');
          }}
        />
        <SelectField
          label={t('field.leader')}
          hint={t('new.leaderHint')}
          required
          value={values.leaderProducerId}
          error={errors.leaderProducerId}
          onChange={(e) => set('leaderProducerId', e.target.value)}
        >
          <option value="">{t('new.choose')}</option>
          {values.members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t('field.formedOn')} type="date" required max={today} value={values.formedOn} error={errors.formedOn} onChange={(e) => set('formedOn', e.target.value)} />
        <SelectField label={t('field.legalForm')} value={values.legalForm} error={errors.legalForm} onChange={(e) => set('legalForm', e.target.value as FormNetworkValues['legalForm'])}>
          {legalForms.map((f) => (
            <option key={f} value={f}>
              {t(`legalForm.${f}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('field.ruc')} hint={t('new.rucHint')} inputMode="numeric" maxLength={11} value={values.ruc} error={errors.ruc} onChange={(e) => set('ruc', e.target.value)} />
        <div className="actions">
          <button type="submit" className="button" disabled={submitting}>
            {t('new.submit')}
          </button>
        </div>
      </form>
    </Page>
  );
}
