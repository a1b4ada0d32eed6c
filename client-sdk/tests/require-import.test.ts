import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPacked, packSdk } from './pack-sdk.js';

const run = promisify(execFile);

/** What a consumer does with the package: the same script as CommonJS and as an ES module. */
const consumer = (load: string) => `${load}
const url = process.argv[2];
(async () => {
  const { sdk, embed, console: konsole } = await loadAll();
  const mod = sdk.createModeratorClient({ url, token: 'tok_example' });
  const stats = await mod.api.siteStats({ path: { siteId: 'site 1' }, query: { interval: 'week' } });
  let error;
  try {
    await mod.api.bulkModerate({ path: { siteId: 's1' }, body: { action: 'approve', commentIds: ['c1'] } });
  } catch (err) {
    error = { name: err.name, code: err.code, status: err.status, retryAfter: err.retryAfter, guarded: sdk.isHttpError(err, 'rate_limited'), instance: err instanceof sdk.PalabreClientError };
  }
  console.log(JSON.stringify({
    exports: Object.keys(sdk).sort(),
    embed: typeof embed.mountCommentWidget,
    console: typeof konsole.startConsole,
    stats,
    error,
  }));
})().catch((err) => { console.error(err); process.exit(1); });
`;

const cjs = consumer(`const loadAll = async () => ({
  sdk: require('@palabre/client'),
  embed: require('@palabre/client/embed'),
  console: require('@palabre/client/console'),
});`);
const esm = consumer(`import * as sdk from '@palabre/client';
import * as embed from '@palabre/client/embed';
import * as konsole from '@palabre/client/console';
const loadAll = async () => ({ sdk, embed, console: konsole });`);

let work: string;
let server: Server;
let url: string;
const seen: Array<{ method: string; url: string; auth: string | undefined }> = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'palabre-consumer-'));
  installPacked(packSdk(work), work);
  writeFileSync(join(work, 'consumer.cjs'), cjs);
  writeFileSync(join(work, 'consumer.mjs'), esm);
  // answers like Palabre: statistics, and a spent write limit
  server = createServer((req, res) => {
    seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization });
    res.setHeader('content-type', 'application/json');
    if (req.method === 'GET') return res.end(JSON.stringify({ days: [], totals: { received: 3 } }));
    res.statusCode = 429;
    res.setHeader('retry-after', '7');
    res.end(JSON.stringify({ error: { code: 'rate_limited', message: 'Too many writes; try again later.' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(work, { recursive: true, force: true });
});

describe.each([
  ['require()', 'consumer.cjs'],
  ['import', 'consumer.mjs'],
])('the packed SDK loaded with %s', (_how, file) => {
  it('gives every entry and calls the API with typed errors', async () => {
    seen.length = 0;
    const { stdout } = await run(process.execPath, [join(work, file), url], { cwd: work });
    const out = JSON.parse(stdout);
    expect(out.exports).toEqual(expect.arrayContaining(['createCommentsClient', 'createModeratorClient', 'HttpError', 'ERROR_CODES', 'isHttpError']));
    expect(out.embed).toBe('function');
    expect(out.console).toBe('function');
    expect(out.stats).toEqual({ days: [], totals: { received: 3 } });
    expect(out.error).toEqual({ name: 'HttpError', code: 'rate_limited', status: 429, retryAfter: 7, guarded: true, instance: true });
    expect(seen).toEqual([
      { method: 'GET', url: '/api/v1/sites/site%201/stats?interval=week', auth: 'Bearer tok_example' },
      { method: 'POST', url: '/api/v1/sites/s1/moderation/bulk', auth: 'Bearer tok_example' },
    ]);
  });
});
