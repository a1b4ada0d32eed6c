import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { newId } from '../../core/ids.js';
import { createLogger } from '../../core/logger.js';
import { redisKeys } from '../../core/redis/keys.js';
import type { CoreDeps } from '../../core/deps.js';
import { toxicityScore } from '../../workers/checks/toxicity-score.js';
import { rejectedCopy } from '../../workers/checks/rejected-copy.js';
import { createAdaptationReader } from '../../workers/learning/adaptation-reader.js';
import { learnFromText } from '../../workers/learning/learn-from-decision.js';
import { recordHumanDecision } from '../../workers/learning/rejected-texts.js';
import { adaptationInfo, MAX_WEIGHTS, pruneAdaptation, resetAdaptation } from '../../core/learning/site-adaptation-store.js';
import { normalizeForMatching } from '../../workers/text/normalize.js';
import { contextFor } from '../unit/checks/check-context.js';
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../support/redis-prefix.js';

let redis: Redis;
let deps: CoreDeps;
const prefix = uniquePrefix();
const SITE = '01JSITEADAPT0000000000000A';
const AGREEING = '01JSITEADAPT0000000000000B';
const COPIES = '01JSITEADAPT0000000000000C';

beforeAll(async () => {
  redis = new Redis(TEST_REDIS_URL);
  deps = { redis, keys: redisKeys(prefix), log: createLogger('silent', 'test'), now: Date.now, newId };
});
afterAll(async () => {
  await deleteKeys(redis, prefix);
  await redis.quit();
});

/** What the toxicity check says about this text on this site now, read as the moderation worker reads it. */
async function siteCheck(siteId: string, body: string) {
  const text = normalizeForMatching(body);
  const adaptation = await createAdaptationReader(deps)(siteId, text);
  return toxicityScore({ ...contextFor(body, { lang: 'fr' }), ...(adaptation ? { adaptation } : {}) });
}
const siteToxicity = async (siteId: string, body: string) => (await siteCheck(siteId, body))?.scores?.toxicity ?? 0;
const shippedToxicity = (body: string) => toxicityScore(contextFor(body, { lang: 'fr' }))?.scores?.toxicity ?? 0;

// a local slur the shipped lexicons do not know, as a site's moderators would meet it
const rejectedKind = [
  'Ces gbêkêlê de politiciens nous volent',
  'Retourne chez toi espèce de gbêkêlê',
  'Encore un gbêkêlê qui parle sans savoir',
  'Les gbêkêlê comme toi devraient se taire',
  'Quel gbêkêlê ce ministre',
];

const approvedKind = [
  'Merci pour cet article sur les politiciens du nord',
  'Les politiciens doivent rendre des comptes sur le budget',
  'Bonne analyse, le ministre devrait lire ça',
  'Encore une coupure de courant ce soir à Bamako',
  'Quel match hier soir, bravo aux Aigles',
];

describe("a site's adaptation to its moderators' decisions", () => {
  it('scores later comments of the kind moderators keep rejecting higher, and keeps what they approve low', async () => {
    const probe = 'Toi tu es un vrai gbêkêlê';
    const before = await siteToxicity(SITE, probe);
    expect(before).toBeLessThan(0.5);
    for (let round = 0; round < 4; round++) {
      for (const body of rejectedKind) await learnFromText(deps, SITE, body, { toxicity: 1 }, 'fr');
      // and the ordinary comments they approve beside them, as a real queue mixes both
      for (const body of approvedKind) await learnFromText(deps, SITE, body, { toxicity: 0 }, 'fr');
    }
    const after = await siteToxicity(SITE, probe);
    expect(after).toBeGreaterThan(0.5);
    expect(await siteToxicity(SITE, 'Merci pour cet article très clair sur le budget')).toBeLessThan(0.5);
    expect((await siteCheck(SITE, probe))?.reasons?.map((r) => r.code)).toContain('site_adaptation');
  });

  it("barely moves the scores of a site whose moderators agree with the model's calls", async () => {
    const clean = [
      'Merci pour cet article, les chiffres du budget sont enfin clairs',
      'Le maire a raison de rénover le marché central avant la saison des pluies',
      "Très bonne analyse de la situation économique au Sahel, merci",
      'Je ne suis pas d’accord avec le ministre mais son argument se tient',
    ];
    const toxic = ['Ferme ta gueule espèce de connard', 'Tu es un sale con et un abruti fini'];
    for (const body of clean) expect(shippedToxicity(body)).toBeLessThan(0.15);
    for (const body of toxic) expect(shippedToxicity(body)).toBeGreaterThanOrEqual(0.75);
    const probes = ['Le budget de la santé augmente de dix pour cent', 'Les routes du nord sont enfin goudronnées', 'Quel imbécile ce type', 'Bravo à l’équipe nationale pour cette victoire'];
    const before = await Promise.all(probes.map((p) => siteToxicity(AGREEING, p)));
    // five rounds: the clean ones approved, the ones the model holds (0.85) rejected: a site that agrees with the model's calls
    // (toxicity v3 reads 0.85 as the moderators' review line on a stream far more toxic than a news site's, not as "rejected four times in five")
    for (let round = 0; round < 5; round++) {
      for (const body of clean) await learnFromText(deps, AGREEING, body, { toxicity: 0 }, 'fr');
      for (const body of toxic) await learnFromText(deps, AGREEING, body, { toxicity: 1 }, 'fr');
    }
    const after = await Promise.all(probes.map((p) => siteToxicity(AGREEING, p)));
    expect((await adaptationInfo(deps, AGREEING)).attributes.toxicity.updates).toBe(30);
    for (let i = 0; i < probes.length; i++) {
      expect(Math.abs(after[i]! - before[i]!)).toBeLessThan(0.05);
      // no decision changes: nothing crosses the default hold (0.5) or reject (0.9) threshold
      expect([after[i]! >= 0.5, after[i]! >= 0.9]).toEqual([before[i]! >= 0.5, before[i]! >= 0.9]);
    }
  });

  it('holds a near-copy of a rejected comment, quoting the decision it matches, until a moderator approves a copy', async () => {
    const rejected = 'Les gens de ce quartier sont tous des voleurs et des menteurs, il faut les chasser';
    await recordHumanDecision(deps, COPIES, { commentId: 'c-rejected-1', text: normalizeForMatching(rejected), rejected: true, reason: 'abuse', decidedAt: '2026-12-01T10:00:00.000Z' });
    const copy = 'les gens de ce quartier sont tous des voleurs et des menteurs!!! il faut les chasser.';
    const text = normalizeForMatching(copy);
    const adaptation = await createAdaptationReader(deps)(COPIES, text);
    const result = rejectedCopy({ ...contextFor(copy), ...(adaptation ? { adaptation } : {}) });
    expect(result?.status).toBe('held');
    expect(result?.reasons?.[0]).toMatchObject({ code: 'copies_rejected', matches: { commentId: 'c-rejected-1', reason: 'abuse', decidedAt: '2026-12-01T10:00:00.000Z' } });
    expect(result?.reasons?.[0]?.message).toContain('c-rejected-1');
    const other = 'Les gens de ce quartier ont rénové le marché et planté des arbres';
    const unrelated = await createAdaptationReader(deps)(COPIES, normalizeForMatching(other));
    expect(unrelated?.rejectedTwin).toBeUndefined();
    // a moderator approves a copy: the latest human call counts, copies are no longer held
    await recordHumanDecision(deps, COPIES, { commentId: 'c-approved-2', text, rejected: false, reason: '', decidedAt: '2026-12-02T10:00:00.000Z' });
    expect((await createAdaptationReader(deps)(COPIES, text))?.rejectedTwin).toBeUndefined();
  });

  it('is versioned and can be reset, which brings back the shipped scores and forgets rejected texts', async () => {
    const rejected = 'Ces gbêkêlê de politiciens nous volent encore et toujours';
    await recordHumanDecision(deps, SITE, { commentId: 'c-r', text: normalizeForMatching(rejected), rejected: true, reason: 'abuse', decidedAt: '2026-12-01T10:00:00.000Z' });
    const info = await adaptationInfo(deps, SITE);
    expect(info.attributes.toxicity.updates).toBe(4 * (rejectedKind.length + approvedKind.length));
    expect(info.attributes.toxicity.weights).toBeGreaterThan(0);
    const version = await resetAdaptation(deps, SITE);
    expect(version).toBe(info.version + 1);
    const cleared = await adaptationInfo(deps, SITE);
    expect(cleared).toMatchObject({ version, attributes: { toxicity: { updates: 0, weights: 0, slope: 1, bias: 0 } } });
    const probe = 'Toi tu es un vrai gbêkêlê';
    expect(await siteToxicity(SITE, probe)).toBeCloseTo(shippedToxicity(probe), 10);
    expect(await createAdaptationReader(deps)(SITE, normalizeForMatching(rejected))).toBeUndefined();
  });

  it('stays bounded: pruning keeps the features that weigh most', async () => {
    const key = deps.keys.adaptation(SITE, 'spam');
    const fields: Record<string, string> = { n: '1' };
    for (let i = 0; i < MAX_WEIGHTS + 500; i++) {
      fields[`z:${i}`] = String(i % 2 === 0 ? i / 1e6 : -i / 1e6);
      fields[`q:${i}`] = '1';
    }
    await redis.hset(key, fields);
    const dropped = await pruneAdaptation(deps, SITE, 'spam', (z) => Math.abs(z));
    expect(dropped).toBe(500);
    expect(await redis.hlen(key)).toBe(2 * MAX_WEIGHTS + 1);
    expect(await redis.hexists(key, `z:${MAX_WEIGHTS + 499}`)).toBe(1); // the largest survive
    expect(await redis.hexists(key, 'z:1')).toBe(0);
    expect(await redis.hexists(key, 'q:1')).toBe(0);
  });
});
