import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { finnish, languages, loadStaffTexts, loadTexts, type Language } from './locales';

const STORAGE_KEY = 'reilu.lang';

function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && (languages as string[]).includes(stored)) return stored as Language;
  const browser = navigator.language.slice(0, 2);
  return (languages as string[]).includes(browser) ? (browser as Language) : 'fi';
}

void i18n.use(initReactI18next).init({
  resources: { fi: { translation: finnish } },
  lng: 'fi',
  fallbackLng: 'fi',
  interpolation: { escapeValue: false },
});

// Swedish and English texts load before the switch, so no page shows a mix; once a staff page has
// been opened, the staff texts of the new language too.
let staffWanted = false;
const staffLoaded = new Set<Language>();
async function addStaffTexts(lang: Language) {
  if (staffLoaded.has(lang)) return;
  i18n.addResourceBundle(lang, 'translation', await loadStaffTexts(lang), true, true);
  staffLoaded.add(lang);
}
async function switchTo(lang: Language) {
  if (!i18n.hasResourceBundle(lang, 'translation')) {
    i18n.addResourceBundle(lang, 'translation', await loadTexts(lang));
  }
  if (staffWanted) await addStaffTexts(lang);
  await i18n.changeLanguage(lang);
}

// Resolves when the staff pages' texts of the shown language are in (each staff page waits for it).
export async function staffTextsReady(): Promise<void> {
  staffWanted = true;
  await languageReady;
  await addStaffTexts(i18n.language as Language);
}

// Resolves once the first language's texts are in (main.tsx renders after it).
export const languageReady: Promise<void> = switchTo(initialLanguage()).catch(() => undefined);

// The chosen language is remembered, and the page's lang attribute follows it (screen readers).
export function setLanguage(lang: Language) {
  localStorage.setItem(STORAGE_KEY, lang);
  void switchTo(lang);
}
i18n.on('languageChanged', (lang) => {
  document.documentElement.lang = lang;
});
document.documentElement.lang = i18n.language;

// Dates and numbers in the locale's format.
const locales: Record<string, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
export function formatDate(unixSeconds: number, withTime = false): string {
  // Finland-Swedish writes dates as Finnish does: 25.12.2026 kl. 16.00 (not "25 dec. 2026").
  if (i18n.language === 'sv') {
    const at = new Date(unixSeconds * 1000);
    const zone = { timeZone: 'Europe/Helsinki' } as const;
    const day = new Intl.DateTimeFormat('sv-FI', { day: 'numeric', month: 'numeric', year: 'numeric', ...zone }).format(at);
    if (!withTime) return day;
    return `${day} kl. ${new Intl.DateTimeFormat('sv-FI', { hour: '2-digit', minute: '2-digit', ...zone }).format(at)}`;
  }
  const options: Intl.DateTimeFormatOptions = withTime
    ? { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Helsinki' }
    : { dateStyle: 'medium', timeZone: 'Europe/Helsinki' };
  return new Intl.DateTimeFormat(locales[i18n.language] ?? 'fi-FI', options).format(new Date(unixSeconds * 1000));
}
export function formatNumber(n: number, digits = 2): string {
  return new Intl.NumberFormat(locales[i18n.language] ?? 'fi-FI', { maximumFractionDigits: digits }).format(n);
}
export function localized(text: Record<string, string> | undefined): string {
  if (!text) return '';
  return text[i18n.language] || text.fi || text.sv || text.en || Object.values(text)[0] || '';
}

export default i18n;
