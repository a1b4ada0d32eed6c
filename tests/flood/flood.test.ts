import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisKeys } from '../../core/redis/keys.js';
import { createTestSite, type TestSite } from '../support/fixtures.js';
import { startStack, type PalabreStack } from '../support/palabre-stack.js';
import { attacker, legitReader, PROPAGANDA, randomText, type Outcome } from './flood-actors.js';

// npm run test:flood — FLOOD_SECONDS (120) of attack beside the readers, SURGE_SECONDS (60) of readers alone
const FLOOD_SECONDS = Number(process.env.FLOOD_SECONDS ?? 120);
const SURGE_SECONDS = Number(process.env.SURGE_SECONDS ?? 60);
const READERS = 200;
const READER_RATE = 5; // comments per second from all readers together: each posts every 40 s or so
const ATTACK_RATE = 1000 / 60; // 1,000 comments a minute
// real source addresses on the loopback, each in a /24 of its own: one carrier address, three bot addresses
const SHARED = '127.0.1.1';
const BOTS = ['127.0.2.1', '127.0.3.1', '127.0.4.1'];

// The readers' phones and the attacker's machines are simulated here, on the same two cores as
// the server: the proof of work is lighter than the default (1000 × up to 1000), or the simulated
// phones would starve the server. The attacker solves it natively and faster than a browser, so
// more of its comments get in and the flood signals, not the work, have to stop them.
const LIGHTER_WORK = { challengeCost: 100, challengeMaxNumber: 400 };

let stack: PalabreStack;
let server: { url: string; adminToken: string };

// a real server process and a real worker process: the load and the solving stay in this one
beforeAll(async () => {
  stack = await startStack({ env: { RATE_LIMIT_DISABLED: '0', LOG_LEVEL: 'warn' } });
  server = { url: stack.url, adminToken: stack.adminToken };
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

/** A seeded random, so every run sends the same comments. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Calls `send` `ratePerSecond` times a second for `seconds`, open loop; resolves with every outcome. */
async function atRate(ratePerSecond: number, seconds: number, send: (i: number) => Promise<Outcome>): Promise<Outcome[]> {
  const total = Math.round(ratePerSecond * seconds);
  const start = Date.now();
  const pending: Array<Promise<Outcome>> = [];
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / ratePerSecond - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(i));
  }
  return Promise.all(pending);
}

/** Waits until every accepted comment is decided; returns the status of each. */
async function statusesOf(site: TestSite, ids: string[], timeoutMs = 120_000): Promise<Map<string, string>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const keys = redisKeys(stack.prefix);
    const pipe = stack.redis.pipeline();
    for (const id of ids) pipe.hget(keys.comment(site.id, id), 'status');
    const rows = (await pipe.exec()) ?? [];
    const statuses = new Map(ids.map((id, i) => [id, String(rows[i]?.[1] ?? 'missing')]));
    const undecided = [...statuses.values()].filter((s) => s === 'pending' || s === 'missing').length;
    if (undecided === 0 || Date.now() > deadline) return statuses;
    await new Promise((r) => setTimeout(r, 500));
  }
}

const pct = (n: number, of: number) => (of === 0 ? '0.0' : ((100 * n) / of).toFixed(1));
const tally = (outcomes: Outcome[]) => {
  const by = new Map<string, number>();
  for (const o of outcomes) by.set(String(o.status === 202 ? 202 : `${o.status} ${o.code ?? ''}`.trim()), (by.get(String(o.status === 202 ? 202 : `${o.status} ${o.code ?? ''}`.trim())) ?? 0) + 1);
  return [...by.entries()].map(([k, v]) => `${k}: ${v}`).join(', ');
};

function readersOf(site: TestSite) {
  const random = seeded(16);
  const readers = Array.from({ length: READERS }, (_, i) => legitReader(server.url, site, SHARED, i));
  return (i: number) => readers[Math.floor(random() * READERS)]!('budget-2027', `${randomText(random)} (${i})`, 8000 + Math.floor(random() * 80_000));
}

describe(`a flood beside 200 readers behind one address (${FLOOD_SECONDS} s)`, () => {
  it('refuses no more than 1 % of the readers, refuses or holds 95 % of the attack, and loses nothing accepted', async () => {
    // the figure first: the same readers alone, about 5 comments a second
    const surgeSite = await createTestSite(server, { flood: LIGHTER_WORK });
    const surge = await atRate(READER_RATE, SURGE_SECONDS, readersOf(surgeSite));
    const surgeRefused = surge.filter((o) => o.status !== 202);
    console.log(
      `[flood] readers alone, ${READERS} behind ${SHARED}, ${READER_RATE}/s for ${SURGE_SECONDS} s: ${surge.length} writes, ` +
        `429: ${surge.filter((o) => o.status === 429).length}, refused in all: ${surgeRefused.length} (${pct(surgeRefused.length, surge.length)} %), ` +
        `solved a proof of work: ${surge.filter((o) => o.challenged).length} — ${tally(surge)}`,
    );

    const site = await createTestSite(server, { flood: LIGHTER_WORK });
    const random = seeded(7);
    const bots = BOTS.map((address) => attacker(server.url, site, address));
    const [legit, attack] = await Promise.all([
      atRate(READER_RATE, FLOOD_SECONDS, readersOf(site)),
      atRate(ATTACK_RATE, FLOOD_SECONDS, (i) => bots[i % bots.length]!('budget-2027', i % 2 === 0 ? PROPAGANDA : randomText(random))),
    ]);
    const accepted = [...legit, ...attack].flatMap((o) => (o.commentId ? [o.commentId] : []));
    const statuses = await statusesOf(site, accepted);
    const lost = [...statuses.values()].filter((s) => s === 'pending' || s === 'missing').length;

    const legitRefused = legit.filter((o) => o.status !== 202).length;
    const legitHeld = legit.filter((o) => o.commentId && statuses.get(o.commentId) !== 'approved').length;
    const attackAccepted = attack.filter((o) => o.commentId);
    const attackPublished = attackAccepted.filter((o) => statuses.get(o.commentId!) === 'approved').length;
    const attackStopped = attack.length - attackPublished;
    const attackHeld = attackAccepted.length - attackPublished;
    console.log(
      [
        `[flood] readers: ${legit.length} writes from ${READERS} readers behind ${SHARED}; refused ${legitRefused} (${pct(legitRefused, legit.length)} %); ` +
          `accepted and held for a human ${legitHeld} (${pct(legitHeld, legit.length)} %); solved a proof of work: ${legit.filter((o) => o.challenged).length} — ${tally(legit)}`,
        `[flood] attack: ${attack.length} comments from ${BOTS.join(', ')} (a new device id each, half "${PROPAGANDA.slice(0, 30)}…"); ` +
          `refused ${attack.length - attackAccepted.length}, accepted ${attackAccepted.length} of which held or rejected ${attackHeld}, published ${attackPublished}; ` +
          `refused or held: ${attackStopped} (${pct(attackStopped, attack.length)} %); of the accepted, held or rejected: ${pct(attackHeld, attackAccepted.length)} % — ${tally(attack)}`,
        `[flood] accepted (202): ${accepted.length}; decided: ${accepted.length - lost}; lost or undecided: ${lost}`,
      ].join('\n'),
    );
    expect(lost).toBe(0);
    expect(surgeRefused.length / surge.length).toBeLessThanOrEqual(0.01);
    expect(legitRefused / legit.length).toBeLessThanOrEqual(0.01);
    expect(attackStopped / attack.length).toBeGreaterThanOrEqual(0.95);
  });
});
