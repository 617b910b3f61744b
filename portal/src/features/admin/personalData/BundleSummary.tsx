import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, formatNumber } from '../../../shared/format/format';
import { regionName } from '../../../shared/format/regions';
import type { PersonalDataBundle } from './personalDataApi';

/** What the bundle holds, read as the person would ask it: who they are to us, where they take part, what names them. */
export function BundleSummary({ bundle }: { bundle: PersonalDataBundle }) {
  const { t, i18n } = useTranslation(['admin', 'plans', 'common']);
  const date = (value: string) => formatDate(value, i18n.language);
  const { producer, memberships, leaderHistory, incomes, evidence, phaseChanges } = bundle.networks;
  const reporting = bundle.reporting.producer;
  const yesNo = (value: boolean) => (value ? t('yes') : t('no'));

  return (
    <section aria-label={t('personalData.summary.title')}>
      <Part id="record" title={t('personalData.summary.record')}>
        <dl className="details">
          <dt>{t('personalData.summary.name')}</dt>
          <dd>{producer.erasedAt ? t('personalData.summary.anonymous') : `${producer.firstNames} ${producer.lastNames}`}</dd>
          <dt>{t('personalData.summary.dni')}</dt>
          <dd>{producer.dni ?? '—'}</dd>
          <dt>{t('personalData.summary.phone')}</dt>
          <dd>{producer.phone ?? '—'}</dd>
          <dt>{t('personalData.summary.place')}</dt>
          <dd>{producer.districtName ? `${producer.districtName} · ${regionName(producer.regionCode)}` : regionName(producer.regionCode)}</dd>
          <dt>{t('personalData.summary.consent')}</dt>
          <dd>{producer.consentDate ? t('personalData.summary.consentOn', { date: date(producer.consentDate) }) : yesNo(producer.consentGiven)}</dd>
          {producer.consentWithdrawnOn && (
            <>
              <dt>{t('personalData.summary.withdrawn')}</dt>
              <dd>{date(producer.consentWithdrawnOn)}</dd>
            </>
          )}
          {producer.erasedAt && (
            <>
              <dt>{t('personalData.summary.erased')}</dt>
              <dd>{date(producer.erasedAt)}</dd>
            </>
          )}
        </dl>
      </Part>
      <Part id="networks" title={t('personalData.summary.memberships', { count: memberships.length })}>
        <ul>
          {memberships.map((membership) => (
            <li key={`${membership.networkId}-${membership.joinedOn}`}>
              {membership.leftOn
                ? t('personalData.summary.memberLeft', { network: membership.networkName, from: date(membership.joinedOn), to: date(membership.leftOn) })
                : t('personalData.summary.member', { network: membership.networkName, from: date(membership.joinedOn) })}
              {membership.leadsNow && ` · ${t('personalData.summary.leadsNow')}`}
            </li>
          ))}
          {leaderHistory.map((change) => (
            <li key={`${change.networkId}-${change.recordedAt}`}>
              {t(change.became ? 'personalData.summary.becameLeader' : 'personalData.summary.stoppedLeading', { network: change.networkName, on: date(change.on) })}
            </li>
          ))}
        </ul>
      </Part>
      <Part id="incomes" title={t('personalData.summary.incomes', { count: incomes.length })}>
        <ul>
          {incomes.map((income) => (
            <li key={income.id}>
              {t(`personalData.summary.incomeKind.${income.kind}`)} · {date(income.measuredOn)} · {formatMoney(Number(income.annualNetIncomePen))}
            </li>
          ))}
        </ul>
      </Part>
      <Part id="monitoring" title={t('personalData.summary.monitoring')}>
        <p>{t('personalData.summary.evidence', { count: evidence.length })}</p>
        <p>{t('personalData.summary.phaseChanges', { count: phaseChanges.length })}</p>
      </Part>
      <Part id="plans" title={t('personalData.summary.planLines', { count: bundle.financing?.planLines.length ?? 0 })}>
        {bundle.financing ? (
          <ul>
            {bundle.financing.planLines.map((line) => (
              <li key={`${line.planId}-${line.position}`}>
                {line.planTitle} ({t(`plans:status.${line.planStatus}`)}) · {line.description} · {formatNumber(Number(line.quantity))} × {formatMoney(Number(line.unitCostPen))}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('personalData.summary.noNameToAsk')}</p>
        )}
      </Part>
      <Part id="reporting" title={t('personalData.summary.reporting')}>
        <dl className="details">
          <dt>{t('personalData.summary.reportingRow')}</dt>
          <dd>
            {t('personalData.summary.reportingFields', {
              region: regionName(reporting.regionCode),
              gender: t(`personalData.summary.gender.${reporting.gender}`, { defaultValue: reporting.gender }),
              year: reporting.birthYear,
              month: date(reporting.registeredMonth),
            })}
          </dd>
          <dt>{t('personalData.summary.hash')}</dt>
          <dd>{reporting.pseudonymousDniHash ? t('personalData.summary.hashHeld', { version: reporting.dniHashKeyVersion ?? '—' }) : t('no')}</dd>
          <dt>{t('personalData.summary.countedAsPerson')}</dt>
          <dd>{yesNo(reporting.countedAsPerson)}</dd>
        </dl>
      </Part>
    </section>
  );
}

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`personal-data-${id}`}>
      <h3 id={`personal-data-${id}`}>{title}</h3>
      {children}
    </section>
  );
}
