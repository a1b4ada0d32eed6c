import { describe, expect, it } from 'vitest';
import { decideStatus } from '../../../core/decision/decide-status.js';
import { replayDecision } from '../../../core/decision/replay-decision.js';
import { partlySimulated } from '../../../core/decision/simulate-policy.js';
import { mergePolicy } from '../../../core/sites/site-store.js';
import { policySchema, type PolicyInput } from '../../../core/sites/policy.js';
import type { Comment } from '../../../protocol/comment.js';
import { runChecks } from '../../../workers/checks/run-checks.js';
import { contextFor, type ContextOverrides } from '../checks/check-context.js';

const CASES: Array<[string, ContextOverrides?]> = [
  ['Merci pour cet article très clair.'],
  ['Tu es un vrai connard.'],
  ['Espèce de connard, ferme ta gueule.'],
  ['Il faut pendre ce ministre sur la place publique.'],
  ['Achetez maintenant sur https://bit.ly/promo et https://spam.example/x et https://spam.example/y'],
  ['Voir https://www.journal.example/dossier pour les chiffres.'],
  ['Le mot interdit est corruption ici.', { policy: { bannedWords: ['corruption'] } }],
  ['Un mot suspect : magouille.', { policy: { suspectWords: ['magouille'] } }],
  ['Premier message ici.', { author: { approved: 0 }, policy: { holdFirstComments: true } }],
  ['!!! ???'],
  ['Encore le même texte.', { recent: { sameTextSameAuthor24h: 2 } }],
  ['Vite vite.', { arrival: { established: false, newReader: true, composeMs: 200 } }],
];

/** A comment as the worker stores it after deciding it under `policy`. */
function decided(body: string, overrides: ContextOverrides = {}): Comment {
  const ctx = contextFor(body, overrides);
  const decision = decideStatus(runChecks(ctx), ctx.policy);
  return {
    id: 'c1', siteId: 's1', articleId: 'a1', parentId: null, author: { id: 'u1', name: 'Awa' }, body, status: decision.status,
    createdAt: ctx.comment.createdAt, version: 2, scores: decision.scores, reasons: decision.reasons, autoStatus: decision.status,
    decidedBy: 'auto', decision: { mode: ctx.policy.mode, thresholds: decision.thresholds, checks: {}, models: {} },
    ...(overrides.arrival ? { arrival: overrides.arrival } : {}),
  };
}

/** The decision the checks would make running again under another policy: what the simulator must agree with. */
function rerun(body: string, overrides: ContextOverrides, patch: PolicyInput) {
  const policy = mergePolicy(policySchema.parse(overrides.policy ?? {}), patch);
  const ctx = { ...contextFor(body, overrides), policy };
  return decideStatus(runChecks(ctx), policy).status;
}

describe('replaying a stored decision', () => {
  it.each(CASES)('gives the same status under the policy it was made with: %s', (body, overrides = {}) => {
    const c = decided(body, overrides);
    expect(replayDecision(c, policySchema.parse(overrides.policy ?? {})).status).toBe(c.status);
  });

  const CHANGES: PolicyInput[] = [
    { mode: 'pre' },
    { thresholds: { toxicity: { hold: 0.2, reject: 0.4 } } },
    { thresholds: { toxicity: { hold: 0.95, reject: 0.99 }, severe: { hold: 0.99, reject: 1 } } },
    { thresholds: { spam: { hold: 0.1, reject: 0.3 } } },
    { maxLinks: 5 },
    { holdFirstComments: false },
    { bannedWords: [], suspectWords: ['corruption'] },
    { suspectWords: [] },
    { flood: { minComposeMs: 100 } },
  ];
  it.each(CHANGES)('agrees with running the checks again under %j, for every case', (patch) => {
    for (const [body, overrides = {}] of CASES) {
      const policy = mergePolicy(policySchema.parse(overrides.policy ?? {}), patch);
      expect(replayDecision(decided(body, overrides), policy).status, body).toBe(rerun(body, overrides, patch));
    }
  });

  it('names the changes it cannot see in stored findings: new words, domains, groups, a lower link limit', () => {
    const current = policySchema.parse({ bannedWords: ['a'] });
    const proposed = mergePolicy(current, { bannedWords: ['a', 'b'], blockedDomains: ['x.example'], maxLinks: 1, groupTerms: ['les Zarmas'] });
    expect(partlySimulated(current, proposed)).toEqual(['bannedWords', 'blockedDomains', 'groupTerms', 'maxLinks']);
    expect(partlySimulated(current, mergePolicy(current, { bannedWords: [] }))).toEqual([]);
  });
});
