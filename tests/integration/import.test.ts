import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommentsClient, createModeratorClient, type Comment } from '../../client-sdk/src/index.js';
import { runImport } from '../../scripts/import/run-import.js';
import { createTestSite, type TestSite } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');
const DISQUS = join(FIXTURES, 'disqus-export.xml');
const WORDPRESS = join(FIXTURES, 'wordpress-export.xml');
const MALFORMED = join(FIXTURES, 'disqus-malformed.xml');
const run = promisify(execFile);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
});
afterAll(() => server.close());

const moderator = (site: TestSite) => createModeratorClient({ url: server.url, token: site.moderatorToken });
const reader = (site: TestSite) => createCommentsClient({ url: server.url, siteId: site.id, siteKey: site.publicKey, deviceId: 'import-reader-01' });

/** Every comment of a review queue, by body. */
async function queueBodies(site: TestSite, status: 'approved' | 'held' | 'rejected' | 'pending'): Promise<Comment[]> {
  return (await moderator(site).queue(site.id, status, { limit: 100 })).comments;
}

describe('import from Disqus', () => {
  it('imports threads, replies, authors, dates and decisions, and reports what it could not import', async () => {
    const site = await createTestSite(server);
    const report = await runImport(server.deps, { siteId: site.id, source: 'disqus', file: DISQUS, batchSize: 2 });
    expect(report).toMatchObject({ imported: 7, byStatus: { approved: 4, held: 1, rejected: 2, pending: 0 }, alreadyImported: 0, skipped: [] });
    expect(report.error).toBeUndefined();
    expect(report.invalid.map((p) => [p.sourceId, p.reason])).toEqual([
      ['9008', 'thread 5999 is not in the export'],
      ['9009', 'empty text'],
      ['9010', 'its parent 8888 is not in the export'],
      ['9011', 'no readable date'],
    ]);
    expect(report.invalid.every((p) => p.line > 0)).toBe(true);

    // the thread as readers see it: the old order and nesting, text from the HTML, the old dates
    const { comments } = await reader(site).list('budget-2027');
    expect(comments.map((c) => [c.author.name, c.body, c.createdAt, (c.replies ?? []).map((r) => [r.author.name, r.body])])).toEqual([
      [
        'Awa Traoré',
        'Enfin un budget qui parle des routes du nord.\n\nReste à voir les chantiers.',
        '2024-03-01T09:00:00.000Z',
        [['Koffi', 'Les chantiers ont commencé à Kaya, voir cet article (https://www.example.org/kaya) & les photos.']],
      ],
      ['Moussa', 'Et les pistes rurales ?', '2024-03-01T11:00:00.000Z', [['Fatou', "D'accord avec Moussa."]]],
    ]);
    expect(await reader(site).count('budget-2027')).toBe(4);

    // articles with their titles and links; a thread without identifier is named by its link's path
    const { articles } = await moderator(site).api.listArticles({ path: { siteId: site.id } });
    expect(articles.map((a) => [a.id, a.title, a.url]).sort()).toEqual([
      ['budget-2027', 'Budget 2027 : les routes du nord enfin financées ?', 'https://www.lequotidien.example/politique/budget-2027'],
      ['societe-2024-03-saison-des-pluies', 'Saison des pluies & inondations', 'https://www.lequotidien.example/societe/2024/03/saison-des-pluies/'],
    ]);

    // decisions as Disqus made them, with the reason in the moderators' queues
    const rejected = await queueBodies(site, 'rejected');
    expect(rejected.map((c) => [c.body, c.decidedBy, c.reasons?.[0]?.code, c.reasons?.[0]?.message]).sort()).toEqual([
      ['Gagnez 500 000 FCFA par jour, cliquez ici', 'import:disqus', 'imported_decision', 'Marked as spam on Disqus'],
      ['Message retiré par son auteur.', 'import:disqus', 'imported_decision', 'Deleted on Disqus'],
    ]);
    const held = await queueBodies(site, 'held');
    expect(held.map((c) => [c.body, c.imported])).toEqual([['Le quartier de Zogona est encore sous l’eau.', { source: 'disqus', id: '9007' }]]);

    // one imported author per Disqus account, with their display name and history
    const awa = comments[0]!.author.id;
    expect(awa).toMatch(/^i_/);
    const { author, comments: history } = await moderator(site).author(site.id, awa);
    expect(author).toMatchObject({ name: 'Awa Traoré', kind: 'imported', comments: 2, approved: 1, rejected: 1, firstSeenAt: '2024-03-01T09:00:00.000Z', lastSeenAt: '2024-03-02T09:00:00.000Z' });
    expect(history).toHaveLength(2);
  });

  it('imports nothing new the second time', async () => {
    const site = await createTestSite(server);
    const first = await runImport(server.deps, { siteId: site.id, source: 'disqus', file: DISQUS });
    const keysAfterFirst = await server.deps.redis.keys(`${server.deps.keys.prefix}:{site:${site.id}}:*`);
    const second = await runImport(server.deps, { siteId: site.id, source: 'disqus', file: DISQUS });
    expect(first.imported).toBe(7);
    expect(second).toMatchObject({ imported: 0, alreadyImported: 7 });
    expect((await server.deps.redis.keys(`${server.deps.keys.prefix}:{site:${site.id}}:*`)).sort()).toEqual(keysAfterFirst.sort());
    expect(await reader(site).count('budget-2027')).toBe(4);
    expect((await queueBodies(site, 'rejected')).length).toBe(2);
  });

  it('stops at malformed XML with its line, keeps what was imported, and imports the rest once the file is fixed', async () => {
    const site = await createTestSite(server);
    const broken = await runImport(server.deps, { siteId: site.id, source: 'disqus', file: MALFORMED });
    expect(broken.error).toMatch(/disqus-malformed\.xml:93:\d+: not well-formed XML: unexpected close tag/);
    expect(broken.imported).toBe(2); // 9001 and its reply 9002; 9004 waited for a parent that never came
    expect(broken.invalid.map((p) => p.sourceId)).toEqual(['9004']);
    expect((await reader(site).list('budget-2027')).comments.map((c) => c.author.name)).toEqual(['Awa Traoré']);

    const fixed = await runImport(server.deps, { siteId: site.id, source: 'disqus', file: DISQUS });
    expect(fixed).toMatchObject({ imported: 5, alreadyImported: 2 });
    expect(fixed.error).toBeUndefined();
    expect(await reader(site).count('budget-2027')).toBe(4);
  });

  it('stores comments as pending and queues them for the checks with --rescore, keeping what Disqus refused refused', async () => {
    const site = await createTestSite(server);
    const queue = server.deps.moderationQueues.forSite(site.id);
    const report = await runImport(server.deps, { siteId: site.id, source: 'disqus', file: DISQUS, rescore: true, queue });
    expect(report.byStatus).toEqual({ approved: 0, held: 0, rejected: 2, pending: 5 });
    expect((await queueBodies(site, 'pending')).map((c) => c.imported?.id).sort()).toEqual(['9001', '9002', '9003', '9004', '9007']);
    const jobs = await queue.getJobs(['waiting'], 0, 100);
    const queued = jobs.filter((j) => j.data.siteId === site.id).flatMap((j) => j.data.commentIds ?? []);
    expect(queued.sort()).toEqual((await queueBodies(site, 'pending')).map((c) => c.id).sort());
    expect(await reader(site).count('budget-2027')).toBe(0); // nothing published until the checks decide
  });
});

describe('import from WordPress', () => {
  it('imports the comments of every post and page with their decisions, skips pingbacks and reports unknown states', async () => {
    const site = await createTestSite(server);
    const report = await runImport(server.deps, { siteId: site.id, source: 'wordpress', file: WORDPRESS });
    expect(report).toMatchObject({ imported: 6, byStatus: { approved: 3, held: 1, rejected: 2, pending: 0 } });
    expect(report.skipped.map((p) => [p.sourceId, p.reason])).toEqual([['106', 'a pingback, not a comment']]);
    expect(report.invalid.map((p) => [p.sourceId, p.reason])).toEqual([['107', 'unknown approval state "maybe"']]);

    const { comments } = await reader(site).list('debat-franc-cfa');
    expect(comments.map((c) => [c.author.name, c.body, c.createdAt, (c.replies ?? []).map((r) => r.body)])).toEqual([
      ['Aminata', "Une monnaie commune, oui,\nmais pilotée d'ici.", '2024-03-04T10:00:00.000Z', ['Exactement — et la BCEAO ?']],
    ]);
    // a comment without a GMT date keeps its local one; the same e-mail is the same author
    const page = (await reader(site).list('a-propos')).comments;
    expect(page.map((c) => [c.body, c.createdAt])).toEqual([['Merci pour ce journal.', '2023-06-01T08:00:00.000Z']]);
    expect(page[0]!.author.id).toBe(comments[0]!.author.id);
    expect((await moderator(site).author(site.id, page[0]!.author.id)).author).toMatchObject({ name: 'Aminata', comments: 2 });
    expect((await queueBodies(site, 'held')).map((c) => c.reasons?.[0]?.message)).toEqual(['Waiting for a moderator on WordPress']);
    expect((await queueBodies(site, 'rejected')).map((c) => c.reasons?.[0]?.message).sort()).toEqual(['In the trash on WordPress', 'Marked as spam on WordPress']);
    const { articles } = await moderator(site).api.listArticles({ path: { siteId: site.id } });
    expect(articles.map((a) => [a.id, a.title]).sort()).toEqual([
      ['a-propos', 'À propos'],
      ['debat-franc-cfa', 'Débat : le franc CFA en question'],
    ]);

    expect(await runImport(server.deps, { siteId: site.id, source: 'wordpress', file: WORDPRESS })).toMatchObject({ imported: 0, alreadyImported: 6 });
  });

  it('names articles by their WordPress number when asked', async () => {
    const site = await createTestSite(server);
    await runImport(server.deps, { siteId: site.id, source: 'wordpress', file: WORDPRESS, articleIds: 'id' });
    expect(await reader(site).count('42')).toBe(2);
    expect(await reader(site).count('2')).toBe(1);
  });
});

describe('npm run import', () => {
  const cli = (args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
      env: { ...process.env, REDIS_URL: server.config.REDIS_URL ?? 'redis://127.0.0.1:6379', KEY_PREFIX: server.config.KEY_PREFIX, LOG_LEVEL: 'silent' },
    }).then(
      (r) => ({ code: 0, ...r }),
      (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
    );

  it('imports a file and prints the report; a broken file exits 1 with where it broke', async () => {
    const site = await createTestSite(server);
    const ok = await cli(['--site', site.id, '--from', 'wordpress', WORDPRESS, '--no-progress']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('imported: 6 (approved 3, held 1, rejected 2, pending for the checks 0)');
    expect(ok.stdout).toContain('skipped: 1 (a pingback, not a comment)');
    expect(ok.stdout).toMatch(/line \d+ \(id 107\): unknown approval state "maybe"/);
    const broken = await cli(['--site', site.id, '--from', 'disqus', MALFORMED, '--no-progress']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('imported: 2');
    expect(broken.stdout).toMatch(/stopped: .*disqus-malformed\.xml:\d+:\d+: not well-formed XML/);
  });

  it('refuses bad usage and an unknown site with a clear message', async () => {
    const usage = await cli(['--from', 'blogger', DISQUS]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: npm run import -- --site SITE_ID --from disqus|wordpress export.xml');
    const unknown = await cli(['--site', '01JD3Q8X2V6N4K7M9P1R5T0W2Y', '--from', 'disqus', DISQUS, '--no-progress']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('site_not_found');
  });
});
