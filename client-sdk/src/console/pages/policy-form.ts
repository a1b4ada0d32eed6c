import type { OperationInput, OperationResult } from '../../api-client.js';

export type Site = OperationResult<'getSite'>;
export type PolicyPatch = NonNullable<OperationInput<'updateSite'>['body']['policy']>;
type Policy = Site['policy'];

/** The webhook fields a site admin edits here; the secret is left blank to keep the stored one. */
export interface WebhookDraft {
  name: string;
  enabled: boolean;
  url: string;
  secret: string;
  format: 'json' | 'slack' | 'discord';
  lang: 'fr' | 'en';
  events: string[];
  /** Removed when saved. */
  removed: boolean;
}

/** The policy as the form's fields hold it: text as typed, numbers as strings, so the API judges them. */
export interface PolicyDraft {
  mode: 'pre' | 'post';
  thresholds: Record<'toxicity' | 'spam' | 'severe', { hold: string; reject: string }>;
  bannedWords: string;
  suspectWords: string;
  holdLinks: boolean;
  maxLinks: string;
  blockedDomains: string;
  holdFirstComments: boolean;
  surgeEnabled: boolean;
  queueOver: string;
  heldOlderThanMinutes: string;
  webhooks: WebhookDraft[];
}

const lines = (list: readonly string[]) => list.join('\n');
const fromLines = (text: string) => text.split('\n').map((s) => s.trim()).filter(Boolean);
// a field left as typed: a number if it reads as one, else the text, so the API says what is wrong
const numberOrText = (s: string): number => (s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : (s as unknown as number));
const optionalNumber = (s: string): number | null => (s.trim() === '' ? null : numberOrText(s));

export function draftOf(policy: Policy): PolicyDraft {
  const pair = (p: { hold: number; reject: number }) => ({ hold: String(p.hold), reject: String(p.reject) });
  return {
    mode: policy.mode,
    thresholds: { toxicity: pair(policy.thresholds.toxicity), spam: pair(policy.thresholds.spam), severe: pair(policy.thresholds.severe) },
    bannedWords: lines(policy.bannedWords),
    suspectWords: lines(policy.suspectWords),
    holdLinks: policy.holdLinks,
    maxLinks: String(policy.maxLinks),
    blockedDomains: lines(policy.blockedDomains),
    holdFirstComments: policy.holdFirstComments,
    surgeEnabled: policy.surge.enabled,
    queueOver: policy.alerts.queueOver == null ? '' : String(policy.alerts.queueOver),
    heldOlderThanMinutes: policy.alerts.heldOlderThanMinutes == null ? '' : String(policy.alerts.heldOlderThanMinutes),
    webhooks: Object.entries(policy.alerts.webhooks).flatMap(([name, w]) =>
      w
        ? [{ name, enabled: w.enabled, url: w.url ?? '', secret: '', format: w.format, lang: w.lang, events: [...w.events], removed: false }]
        : [],
    ),
  };
}

/** What the form sends: the fields it edits, merged by the API into the rest of the policy (as PATCH merges). */
export function patchOf(d: PolicyDraft): PolicyPatch {
  const pair = (p: { hold: string; reject: string }) => ({ hold: numberOrText(p.hold), reject: numberOrText(p.reject) });
  const webhooks = Object.fromEntries(
    d.webhooks.map((w) => [
      w.name,
      w.removed
        ? null
        : {
            enabled: w.enabled,
            url: w.url.trim(),
            format: w.format,
            lang: w.lang,
            events: w.events,
            // blank: the stored secret stays (the API merges a webhook field by field)
            ...(w.secret ? { secret: w.secret } : {}),
          },
    ]),
  );
  return {
    mode: d.mode,
    thresholds: { toxicity: pair(d.thresholds.toxicity), spam: pair(d.thresholds.spam), severe: pair(d.thresholds.severe) },
    bannedWords: fromLines(d.bannedWords),
    suspectWords: fromLines(d.suspectWords),
    holdLinks: d.holdLinks,
    maxLinks: numberOrText(d.maxLinks),
    blockedDomains: fromLines(d.blockedDomains),
    holdFirstComments: d.holdFirstComments,
    surge: { enabled: d.surgeEnabled },
    alerts: { queueOver: optionalNumber(d.queueOver), heldOlderThanMinutes: optionalNumber(d.heldOlderThanMinutes), webhooks },
  } as PolicyPatch;
}

/** The form field an API validation path points at (`policy.thresholds.toxicity.hold` → `policy-thresholds-toxicity-hold`). */
export const fieldIdOf = (path: string): string => path.replace(/^body\./, '').replace(/\./g, '-');
