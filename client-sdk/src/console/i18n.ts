import i18next from 'i18next';
import type { UiLanguage } from '../../../protocol/language.js';
import { en, fr, type MessageKey, type Plural } from './messages.js';

export type { MessageKey } from './messages.js';
export type Lang = UiLanguage;

/** i18next's resources: a plural message becomes `key_one`, `key_other` (and French `key_many`, as `other`). */
function resources(messages: Record<string, string | Plural>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') out[key] = value;
    else Object.assign(out, { [`${key}_one`]: value.one, [`${key}_other`]: value.other, [`${key}_many`]: value.other });
  }
  return out;
}

/** The console's own i18next instance (a page may run its own i18next beside it). */
const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false, // the resources are here: ready before the first render
  lng: 'fr',
  fallbackLng: 'fr',
  resources: { fr: { translation: resources(fr) }, en: { translation: resources(en) } },
  // `{name}`, and no HTML escaping: every message is rendered as text, never as markup
  interpolation: { prefix: '{', suffix: '}', escapeValue: false },
  returnNull: false,
});

const listeners = new Set<(lang: Lang) => void>();

/** French for any fr* browser language, else English. */
export const detectLang = (language: string | undefined): Lang => (/^fr\b/i.test(language ?? '') ? 'fr' : 'en');

export function setLang(lang: Lang): void {
  void i18n.changeLanguage(lang);
  for (const listener of listeners) listener(lang);
}
export const getLang = (): Lang => (i18n.language === 'en' ? 'en' : 'fr');

/** Runs `listener` whenever the language changes; returns the unsubscribe. */
export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The message in the current language, `{name}` filled in; with `count`, the plural form its rules ask for. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return i18n.t(key, vars);
}

/** A label for any string key that may not be in the catalog (an unknown attribute or code). */
export function tOr(key: string, fallback: string): string {
  return key in fr ? t(key as MessageKey) : fallback;
}

/** "il y a 5 min" / "5 min ago", from an ISO date and the current time. */
export function relativeTime(iso: string, now: number): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (!Number.isFinite(minutes) || minutes < 1) return t('justNow');
  if (minutes < 60) return t('minutesAgo', { n: minutes });
  if (minutes < 24 * 60) return t('hoursAgo', { n: Math.floor(minutes / 60) });
  return t('daysAgo', { n: Math.floor(minutes / (24 * 60)) });
}

/** A date and time in the console's language ("12 mars 2026, 14:05"). */
export const dateTime = (iso: string): string =>
  new Date(iso).toLocaleString(getLang() === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** A number in the console's language (French: 1 234,5). */
export const formatNumber = (n: number, digits = 0): string =>
  n.toLocaleString(getLang() === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
