import { toRawSpan, type NormalizedText } from '../../text/normalize.js';
import type { Span } from '../../../protocol/reason.js';
import { findContactHandles, type ContactHandle } from './contact-handles.js';
import { FAMILY_LABELS, FAMILY_PATTERNS, RAW_FAMILY_PATTERNS, SCAM_FAMILIES, type ScamFamily } from './regional-scam-phrases.js';

/** Names of the regional spam features, in the order the spam model (models/spam-v3.json `stack`) stores their weights. */
export const REGIONAL_SPAM_FEATURES = [
  ...SCAM_FAMILIES, 'phone_number', 'chat_number', 'chat_link', 'email_address', 'email_obfuscated', 'scam_with_contact',
] as const;
export type RegionalSpamFeature = (typeof REGIONAL_SPAM_FEATURES)[number];
const INDEX = Object.fromEntries(REGIONAL_SPAM_FEATURES.map((name, i) => [name, i])) as Record<RegionalSpamFeature, number>;

const HANDLE_LABELS: Record<ContactHandle['kind'], string> = {
  phone_number: 'phone number',
  chat_number: 'WhatsApp or Telegram number',
  chat_link: 'WhatsApp or Telegram link',
  email_address: 'e-mail address',
  email_obfuscated: 'spelled-out e-mail address',
};
// scam families: a contact next to one of them is how the adverts end
const SCAMS: readonly ScamFamily[] = ['loan_offer', 'investment_promise', 'occult_title', 'occult_service', 'crypto_scam', 'lottery_prize', 'easy_money'];
// any way to reach the author off the site, said or written
const CONTACTS: readonly RegionalSpamFeature[] = ['contact_bait', 'phone_number', 'chat_number', 'chat_link', 'email_address', 'email_obfuscated'];
/** One more match of a family adds less: 0.7, 0.91, 0.97… */
const MATCH_STRENGTH = 0.7;

/** A piece of the raw text that raised one regional feature. */
export interface RegionalHit extends Span {
  feature: RegionalSpamFeature;
  label: string;
}

export interface RegionalSpamFeatures {
  values: Float32Array;
  hits: RegionalHit[];
}

/**
 * The regional spam features of a comment: scam families read on the folded text, contact handles on
 * the raw text, and whether a scam and a way to reach the scammer come together.
 * @example regionalSpamFeatures(normalizeForMatching('Prêt rapide entre particuliers, WhatsApp +223 76 45 12 09')).values
 */
export function regionalSpamFeatures(text: NormalizedText): RegionalSpamFeatures {
  const values = new Float32Array(REGIONAL_SPAM_FEATURES.length);
  const hits: RegionalHit[] = [];
  const folded = text.text;
  for (const family of SCAM_FAMILIES) {
    let matches = 0;
    for (const m of folded.matchAll(FAMILY_PATTERNS[family])) {
      matches++;
      hits.push({ ...toRawSpan(text, m.index, m.index + m[0].length), feature: family, label: FAMILY_LABELS[family] });
    }
    const raw = RAW_FAMILY_PATTERNS[family];
    if (raw !== undefined && /\d/.test(text.raw)) {
      for (const m of text.raw.matchAll(raw)) {
        const span = { start: m.index, end: m.index + m[0].length };
        // the folded pattern may already have read the same words
        if (hits.some((h) => h.feature === family && span.start < h.end && h.start < span.end)) continue;
        matches++;
        hits.push({ ...span, feature: family, label: FAMILY_LABELS[family] });
      }
    }
    values[INDEX[family]] = 1 - (1 - MATCH_STRENGTH) ** matches;
  }
  for (const handle of findContactHandles(text)) {
    const feature = handle.kind;
    // an organisation's address (redaction@journal.ml) is weaker evidence than a free mailbox
    const strength = handle.kind.startsWith('email') && handle.freeMail === false ? 0.5 : 1;
    values[INDEX[feature]] = Math.max(values[INDEX[feature]]!, strength);
    hits.push({ start: handle.start, end: handle.end, feature, label: HANDLE_LABELS[handle.kind] });
  }
  const scam = SCAMS.some((f) => values[INDEX[f]]! > 0);
  const contact = CONTACTS.some((f) => values[INDEX[f]]! > 0);
  values[INDEX.scam_with_contact] = scam && contact ? 1 : 0;
  return { values, hits };
}
