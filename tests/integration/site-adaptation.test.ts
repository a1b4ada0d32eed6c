import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { newId } from '../../core/ids.js';
import { createLogger } from '../../core/logger.js';
import { redisKeys } from '../../core/redis/keys.js';
import type { CoreDeps } from '../../core/deps.js';
import { toxicityScore } from '../../workers/checks/toxicity-score.js';
import { adaptationFeatures } from '../../workers/learning/adaptation-features.js';
import { learnFromText } from '../../workers/learning/learn-from-decision.js';
import {
  adaptationInfo,
  MAX_WEIGHTS,
  pruneAdaptation,
  readAdaptations,
  resetAdaptation,
} from '../../core/learning/site-adaptation-store.js';
import { normalizeForMatching } from '../../workers/text/normalize.js';
import { contextFor } from '../unit/checks/check-context.js';
import type { CheckContext } from '../../workers/checks/types.js';

const checkContext = (o: { text: ReturnType<typeof normalizeForMatching>; lang: 'fr'; adaptation?: CheckContext['adaptation'] }): CheckContext => ({
  ...contextFor(o.text.raw, { lang: o.lang }),
  ...(o.adaptation ? { adaptation: o.adaptation } : {}),
});
import { deleteKeys, TEST_REDIS_URL, uniquePrefix } from '../support/redis-prefix.js';

let redis: Redis;
let deps: CoreDeps;
const prefix = uniquePrefix();
const SITE = '01JSITEADAPT0000000000000A';

beforeAll(async () => {
  redis = new Redis(TEST_REDIS_URL);
  deps = { redis, keys: redisKeys(prefix), log: createLogger('silent', 'test'), now: Date.now, newId };
});
afterAll(async () => {
  await deleteKeys(redis, prefix);
  await redis.quit();
});

/** The toxicity the pipeline would give this text on this site now. */
async function siteToxicity(body: string): Promise<number> {
  const text = normalizeForMatching(body);
  const features = adaptationFeatures(text);
  const learned = await readAdaptations(deps, SITE, features.buckets);
  const ctx = checkContext({ text, lang: 'fr', adaptation: { features, ...learned } });
  return toxicityScore(ctx)?.scores?.toxicity ?? 0;
}

// a local slur the shipped lexicons do not know, as a site's moderators would meet it
const lessons = [
  'Ces gbêkêlê de politiciens nous volent',
  'Retourne chez toi espèce de gbêkêlê',
  'Encore un gbêkêlê qui parle sans savoir',
  'Les gbêkêlê comme toi devraient se taire',
  'Quel gbêkêlê ce ministre',
];

describe("a site's adaptation to its moderators' decisions", () => {
  it('raises the toxicity of what moderators keep rejecting as abuse, and lowers what they approve', async () => {
    const probe = 'Toi tu es un vrai gbêkêlê';
    const before = await siteToxicity(probe);
    expect(before).toBeLessThan(0.5);
    for (let round = 0; round < 6; round++) {
      for (const body of lessons) await learnFromText(deps, SITE, body, { toxicity: 1 }, 'fr');
      await learnFromText(deps, SITE, 'Merci pour cet article sur les politiciens du nord', { toxicity: 0 }, 'fr');
    }
    const after = await siteToxicity(probe);
    expect(after).toBeGreaterThan(0.5);
    expect(await siteToxicity('Merci pour cet article très clair sur le budget')).toBeLessThan(0.5);
    const ctx = checkContext({ text: normalizeForMatching(probe), lang: 'fr' });
    expect(ctx.adaptation).toBeUndefined();
  });

  it('explains the adjustment in a reason', async () => {
    const text = normalizeForMatching('Quel gbêkêlê celui-là');
    const features = adaptationFeatures(text);
    const learned = await readAdaptations(deps, SITE, features.buckets);
    const result = toxicityScore(checkContext({ text, lang: 'fr', adaptation: { features, ...learned } }));
    expect(result?.reasons?.map((r) => r.code)).toContain('site_adaptation');
  });

  it('is versioned and can be reset, which brings back the shipped scores', async () => {
    const info = await adaptationInfo(deps, SITE);
    expect(info.attributes.toxicity.updates).toBe(36);
    expect(info.attributes.toxicity.weights).toBeGreaterThan(0);
    const version = await resetAdaptation(deps, SITE);
    expect(version).toBe(info.version + 1);
    const cleared = await adaptationInfo(deps, SITE);
    expect(cleared).toMatchObject({ version, attributes: { toxicity: { updates: 0, weights: 0 } } });
    expect(await siteToxicity('Toi tu es un vrai gbêkêlê')).toBeLessThan(0.5);
  });

  it('stays bounded: pruning keeps the largest weights', async () => {
    const key = deps.keys.adaptation(SITE, 'spam');
    const fields: Record<string, string> = { n: '1', b: '0' };
    for (let i = 0; i < MAX_WEIGHTS + 500; i++) fields[String(i)] = String(i % 2 === 0 ? i / 1e6 : -i / 1e6);
    await redis.hset(key, fields);
    const dropped = await pruneAdaptation(deps, SITE, 'spam');
    expect(dropped).toBe(500);
    expect(await redis.hlen(key)).toBe(MAX_WEIGHTS + 2);
    expect(await redis.hexists(key, String(MAX_WEIGHTS + 499))).toBe(1); // the largest survive
    expect(await redis.hexists(key, '1')).toBe(0);
  });
});
