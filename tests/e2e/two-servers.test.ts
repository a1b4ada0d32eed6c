import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, postComment, type TestSite } from '../support/fixtures.js';
import { startStack, type PalabreStack } from '../support/palabre-stack.js';

let stack: PalabreStack;
let site: TestSite;

beforeAll(async () => {
  stack = await startStack({ servers: 2, workers: 1, env: { RATE_LIMIT_DISABLED: '0', RATE_LIMIT_IP_PER_MINUTE: '6', RATE_LIMIT_AUTHOR_PER_MINUTE: '100' } });
  site = await createTestSite(stack);
}, 60_000);
afterAll(() => stack?.stop());

describe('two server processes on one Redis', () => {
  it('share the write limits: the sixth write from one address passes, the seventh is refused, whichever server it hits', async () => {
    const b = { ...stack, url: stack.extraServers[0]!.url };
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const target = i % 2 === 0 ? stack : b;
      statuses.push((await postComment(target, site, 'limits', { body: `n${i}`, author: { name: 'A' } }, { 'x-device-id': `device-lim-${i}0000` })).status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 202, 429, 429]);
  });
});
