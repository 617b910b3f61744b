import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const languages = ['es', 'en'] as const;
export type Language = (typeof languages)[number];
const storageKey = 'redes.language';

// Spanish is bundled (the default, and what most users read first); English is fetched when switched to.
const spanish = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/es/*.json', { eager: true });
const english = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/en/*.json');

function namespaceOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
}

const namespaces = Object.keys(spanish).map(namespaceOf);

export function storedLanguage(): Language {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'es';
  } catch {
    return 'es';
  }
}

async function loadEnglish(): Promise<void> {
  if (i18n.hasResourceBundle('en', 'common')) return;
  for (const [path, load] of Object.entries(english)) {
    i18n.addResourceBundle('en', namespaceOf(path), (await load()).default, true, true);
  }
}

export async function initI18n(language: Language = storedLanguage()): Promise<typeof i18n> {
  await i18n.use(initReactI18next).init({
    lng: 'es',
    fallbackLng: 'es',
    ns: namespaces,
    defaultNS: 'common',
    resources: { es: Object.fromEntries(Object.entries(spanish).map(([path, module]) => [namespaceOf(path), module.default])) },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (language !== 'es') await changeLanguage(language);
  document.documentElement.lang = i18n.language;
  return i18n;
}

/** Switches the page's language and remembers it on this device; signed-in users also keep it on their account. */
export async function changeLanguage(language: Language): Promise<void> {
  if (language === 'en') await loadEnglish();
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private mode may refuse storage; the switch still holds for this page.
  }
}

export default i18n;
