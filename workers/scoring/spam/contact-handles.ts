import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import type { Span } from '../../../protocol/reason.js';
import { toRawSpan, type NormalizedText } from '../../text/normalize.js';

/** A way to reach someone off the site, found in a comment. */
export interface ContactHandle extends Span {
  kind: 'phone_number' | 'chat_number' | 'chat_link' | 'email_address' | 'email_obfuscated';
  /** An address at a free mail provider (scams) rather than an organisation's domain. */
  freeMail?: boolean;
}

// a number next to WhatsApp or Telegram is a chat number; "contactez mon mari au …" is an ordinary one
// the region first: a number written without its country code is read as the readers' own
const REGION: readonly CountryCode[] = ['ML', 'BF', 'NE', 'CI', 'SN', 'TG', 'BJ', 'GN', 'CM', 'MR', 'TD', 'FR'];
// digits in groups joined by spaces, dots, dashes or slashes, perhaps behind +223, 00223 or (+226)
const PHONE_CANDIDATE = /(?<![\w+@/])(?:\(?(?:\+|00) ?\d{3}\)?[\s.\-]*)?\d(?:[\s.\-/]?\d){6,13}(?![\w@])/g;
// "75 000 000" or "1 500 000 000": thousands separators make an amount, not a number to call
const THOUSANDS = /^\d{1,3}(?:[\s.,]\d{3})+$/;
const AMOUNT_AFTER = /^\s*(?:f\s?cfa|fcfa|cfa|f\b|francs?|€|euros?|\$|dollars?|usd|usdt|btc|millions?|milliards?|habitants|tonnes|personnes|km|%|ans\b)/i;
const CHAT_WORD = /(?:wh?ats?\s?app?|wot?sap+|wathsapp|telegram|viber|\bimo\b|\bwa\b|\btg\b)[^\d\n]{0,25}$/i;
const CHAT_LINK = /(?<![\w.])(?:https?:\/\/)?(?:www\.)?(?:wa\.me|api\.whatsapp\.com|chat\.whatsapp\.com|t\.me|telegram\.me|telegram\.dog)\/[\w+\-/?=&%.]*/gi;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const FREE_MAIL = /@(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|aol|icloud|protonmail|proton|gmx|mail|yandex)\./i;
// "pretrapide point mali arobase gmail point com", "x [at] yahoo [dot] fr" once folded
const OBFUSCATED_EMAIL = new RegExp(
  '(?<![a-z0-9])[a-z0-9]+(?: (?:point|dot|tiret|underscore) [a-z0-9]+)* (?:arobase|arobaz|at|a commercial) ' +
    '(?:gmail|yahoo|ymail|hotmail|outlook|live|icloud|protonmail|gmx|[a-z0-9]+ (?:point|dot)) ?(?:(?:point|dot) )?(?:com|fr|net|org|ml|bf|ne|ci|sn)(?![a-z0-9])',
  'g',
);
const OBFUSCATED_FREE_MAIL = / (?:arobase|arobaz|at|a commercial) (?:gmail|yahoo|ymail|hotmail|outlook|live|icloud|protonmail|gmx) /;

/** Whether libphonenumber knows the digits as a number of the region (or, with a prefix, of anywhere). */
function isDiallable(candidate: string): boolean {
  const compact = candidate.replace(/[^\d+]/g, '').replace(/^00/, '+');
  if (compact.startsWith('+')) return parsePhoneNumberFromString(compact)?.isValid() ?? false;
  return REGION.some((country) => parsePhoneNumberFromString(compact, country)?.isValid() ?? false);
}

function phones(raw: string, links: readonly Span[]): ContactHandle[] {
  const found: ContactHandle[] = [];
  for (const m of raw.matchAll(PHONE_CANDIDATE)) {
    const text = m[0].trim().replace(/[.\-/]$/, '');
    const start = m.index;
    const end = start + text.length;
    if (links.some((l) => start < l.end && l.start < end)) continue;
    if (THOUSANDS.test(text) || AMOUNT_AFTER.test(raw.slice(end, end + 12))) continue;
    if (!isDiallable(text)) continue;
    const chat = CHAT_WORD.test(raw.slice(Math.max(0, start - 40), start));
    found.push({ start, end, kind: chat ? 'chat_number' : 'phone_number' });
  }
  return found;
}

/**
 * Phone numbers the region can dial (validated by libphonenumber, so "1500000000 FCFA" is not one),
 * WhatsApp and Telegram links, e-mail addresses written out or spelled to dodge filters.
 * @example findContactHandles(normalizeForMatching('WhatsApp : +223 76 45 12 09'))[0].kind // 'chat_number'
 */
export function findContactHandles(text: NormalizedText): ContactHandle[] {
  const raw = text.raw;
  const handles: ContactHandle[] = [];
  for (const m of raw.matchAll(CHAT_LINK)) handles.push({ start: m.index, end: m.index + m[0].length, kind: 'chat_link' });
  if (raw.includes('@')) {
    for (const m of raw.matchAll(EMAIL)) handles.push({ start: m.index, end: m.index + m[0].length, kind: 'email_address', freeMail: FREE_MAIL.test(m[0]) });
  }
  const emails = handles.filter((h) => h.kind === 'email_address');
  handles.push(...phones(raw, handles));
  if (/(?:arobas|\bat\b|a commercial)/i.test(raw)) {
    for (const m of text.text.matchAll(OBFUSCATED_EMAIL)) {
      const span = toRawSpan(text, m.index, m.index + m[0].length);
      if (emails.some((e) => span.start < e.end && e.start < span.end)) continue;
      handles.push({ ...span, kind: 'email_obfuscated', freeMail: OBFUSCATED_FREE_MAIL.test(m[0]) });
    }
  }
  return handles;
}
