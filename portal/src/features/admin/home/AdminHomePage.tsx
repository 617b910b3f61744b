import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../../../shared/format/format';
import { useUser } from '../../../shared/session/session';
import { DataTable } from '../../../shared/ui/DataTable';
import { Page } from '../../../shared/ui/Page';
import { Empty, QueryView } from '../../../shared/ui/States';
import { tenantRoles, useEveryone, type StaffSummary } from '../api';
import '../admin.css';

/** What waits for the administrator: invitations not accepted, specialists not ready, and who is active. */
export default function AdminHomePage() {
  const { t } = useTranslation(['admin', 'common']);
  const user = useUser();
  const everyone = useEveryone();

  return (
    <Page title={t('home.title')} lead={user.data?.tenant ? t('home.lead', { institution: user.data.tenant.name }) : undefined}>
      <nav className="card" aria-labelledby="home-links">
        <h2 id="home-links">{t('home.quickLinks')}</h2>
        <div className="actions">
          <Link className="button" to="/personal/invitar">
            {t('staff.invite')}
          </Link>
          <Link className="button secondary" to="/personal">
            {t('staff.title')}
          </Link>
          <Link className="button secondary" to="/unidades">
            {t('orgUnits.title')}
          </Link>
          <Link className="button secondary" to="/auditoria">
            {t('audit.title')}
          </Link>
          <Link className="button secondary" to="/ajustes">
            {t('settings.title')}
          </Link>
        </div>
      </nav>
      <QueryView query={everyone}>{(people) => <Waiting people={people} />}</QueryView>
    </Page>
  );
}

function Waiting({ people }: { people: StaffSummary[] }) {
  const { t } = useTranslation(['admin', 'common']);
  const pending = people.filter((person) => person.invitationPending && person.isActive);
  const specialists = people.filter((person) => person.isActive && person.roles.includes('Specialist') && !(person.isTrained && person.meetsSelectionCriteria));
  const active = people.filter((person) => person.isActive);
  const byRole = tenantRoles.map((role) => ({ role, count: active.filter((person) => person.roles.includes(role)).length }));

  return (
    <>
      <section className="card" aria-labelledby="home-invitations">
        <h2 id="home-invitations">{t('home.invitations', { count: pending.length })}</h2>
        {pending.length === 0 ? (
          <Empty>{t('home.noInvitations')}</Empty>
        ) : (
          <ul className="person-list">
            {pending.map((person) => (
              <li key={person.id}>
                <Link to={`/personal/${person.id}`}>{person.fullName}</Link> · {person.email}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="home-specialists">
        <h2 id="home-specialists">{t('home.specialists', { count: specialists.length })}</h2>
        <p className="hint">{t('home.specialistsHint')}</p>
        {specialists.length === 0 ? (
          <Empty>{t('home.noSpecialists')}</Empty>
        ) : (
          <ul className="person-list">
            {specialists.map((person) => (
              <li key={person.id}>
                <Link to={`/personal/${person.id}`}>{person.fullName}</Link>
                <span className="badges">
                  {!person.isTrained && <span className="badge badge-pending">{t('home.untrained')}</span>}
                  {!person.meetsSelectionCriteria && <span className="badge badge-pending">{t('home.criteriaUnmet')}</span>}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <DataTable
        caption={t('home.activeByRole')}
        rows={byRole}
        rowKey={(row) => row.role}
        columns={[
          { key: 'role', header: t('home.role'), rowHeader: true, cell: (row) => t(`common:role.${row.role}`) },
          { key: 'count', header: t('home.activePeople'), numeric: true, cell: (row) => formatInteger(row.count) },
        ]}
        footer={
          <tr>
            <th scope="row">{t('home.totalActive')}</th>
            <td className="num">{formatInteger(active.length)}</td>
          </tr>
        }
      />
    </>
  );
}
