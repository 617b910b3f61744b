import { useTranslation } from 'react-i18next';
import { changeLanguage, languages, type Language } from '../shared/i18n/i18n';
import { send } from '../shared/api/client';
import { useQueryClient } from '@tanstack/react-query';
import { useUser, userQueryKey, type User } from '../shared/session/session';

/** ES | EN: remembered on this device, and on the account when signed in so every device opens in it. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const queries = useQueryClient();

  async function choose(language: Language) {
    await changeLanguage(language);
    if (user.data) {
      await send('/api/account/language', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ language }),
      });
      queries.setQueryData<User | null>(userQueryKey, (current) => (current ? { ...current, language } : current));
    }
  }

  return (
    <div className="language-switch" role="group" aria-label={t('layout.language')}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          className="button secondary small"
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => void choose(language)}
        >
          {language === 'es' ? 'Español' : 'English'}
        </button>
      ))}
    </div>
  );
}
