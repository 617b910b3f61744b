import { useTranslation } from 'react-i18next';

/** What needs attention about a person, beside their name: inactive, invitation not yet accepted. */
export function StaffBadges({ person }: { person: { isActive: boolean; invitationPending: boolean } }) {
  const { t } = useTranslation('admin');
  if (person.isActive && !person.invitationPending) return null;
  return (
    <span className="badges">
      {!person.isActive && <span className="badge badge-off">{t('badge.inactive')}</span>}
      {person.invitationPending && <span className="badge badge-pending">{t('badge.invitationPending')}</span>}
    </span>
  );
}
