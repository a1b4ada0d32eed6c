import { findLinks, isHostInDomain, type FoundLink } from '../text/find-links.js';
import { isUrlShortener } from '../text/url-shorteners.js';
import type { ScoredSpan } from './scorer.js';

// starts with +, 00 or 0 (a dialling prefix) or is one unbroken run, so "1 000 000" and "2023 2024" are not phones
const PHONE = /(?<![\d+])(?:(?:\+|00)\d{1,3}[\s.-]?)?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,6}(?![\d])/g;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const SHOUTING = /[!?¡¿]{3,}/g;
const CAPS_MIN_LETTERS = 20;
const CAPS_RATIO = 0.7;

// a national number has at most 11 digits: a longer unbroken run is an id or a timestamp (1796656956785)
const UNBROKEN_NATIONAL = /^\d{8,11}$/;

function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  if (digits < 8 || digits > 15) return false;
  return /^(?:\+|00|\(?0)/.test(candidate) || UNBROKEN_NATIONAL.test(candidate);
}

/** What one link adds to the spam score: a hidden destination or a chat invitation counts more. */
export function linkSpamWeight(link: FoundLink): number {
  const hidden = isUrlShortener(link.host);
  const chat = isHostInDomain(link.host, 'wa.me') || isHostInDomain(link.host, 'whatsapp.com');
  return hidden || chat ? 0.5 : 0.2;
}

function spansOf(raw: string, pattern: RegExp, weight: number, label: string, accept = (_: string) => true) {
  const spans: ScoredSpan[] = [];
  for (const m of raw.matchAll(pattern)) {
    if (accept(m[0])) spans.push({ start: m.index, end: m.index + m[0].length, attribute: 'spam', weight, label });
  }
  return spans;
}

/** Counts cased letters and capitals; ASCII by char code, since this runs over every character. */
function countCapitals(raw: string): { letters: number; upper: number } {
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code >= 65 && code <= 90) {
      letters++;
      upper++;
    } else if (code >= 97 && code <= 122) {
      letters++;
    } else if (code > 127) {
      const ch = raw[i]!;
      if (ch !== ch.toLowerCase()) {
        letters++;
        upper++;
      } else if (ch !== ch.toUpperCase()) {
        letters++;
      }
    }
  }
  return { letters, upper };
}

function capitals(raw: string): ScoredSpan[] {
  if (raw.length < CAPS_MIN_LETTERS) return [];
  const { letters, upper } = countCapitals(raw);
  if (letters < CAPS_MIN_LETTERS || upper / letters < CAPS_RATIO) return [];
  return [{ start: 0, end: raw.length, attribute: 'spam', weight: 0.3, label: 'mostly capitals' }];
}

/**
 * Spam signals read on the raw text, where case and punctuation still exist: phone numbers,
 * e-mail addresses, links, shouting in capitals, runs of "!!!".
 */
export function findSpamSignals(raw: string): ScoredSpan[] {
  const links = findLinks(raw).map((l): ScoredSpan => ({
    start: l.start, end: l.end, attribute: 'spam', weight: linkSpamWeight(l), label: 'link',
  }));
  // digits inside a link (wa.me/225…, /2024/05/…) are part of that one signal
  const outsideLinks = (s: ScoredSpan) => !links.some((l) => s.start < l.end && l.start < s.end);
  return [
    ...spansOf(raw, PHONE, 0.45, 'phone number', isPhone).filter(outsideLinks),
    ...(raw.includes('@') ? spansOf(raw, EMAIL, 0.35, 'e-mail address') : []),
    ...links,
    ...spansOf(raw, SHOUTING, 0.15, 'repeated punctuation'),
    ...capitals(raw),
  ];
}
