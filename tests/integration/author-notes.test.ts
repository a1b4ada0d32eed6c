import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, moderatorHeaders, postComment, type TestSite } from '../support/fixtures.js';
import { api, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let site: TestSite;
let other: TestSite;
let authorId: string;
const admin = () => ({ authorization: `Bearer ${server.adminToken}` });
const notes = () => `/api/v1/sites/${site.id}/authors/${authorId}/notes`;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_DISABLED: '1' });
  site = await createTestSite(server);
  other = await createTestSite(server);
  const posted = await postComment(server, site, 'budget', { body: 'Encore moi.', author: { name: 'Moussa' } }, { 'x-device-id': 'device-notes-1-abcdef' });
  authorId = posted.body.comment.author.id;
});
afterAll(async () => server?.close());

describe("moderators' notes about an author", () => {
  it('adds, lists newest first and deletes notes, with who wrote them, and audits without the text', async () => {
    const first = await api(server.url, 'POST', notes(), { headers: moderatorHeaders(site), body: { text: 'Premier avertissement donné le 12 mars.' } });
    expect(first.status).toBe(201);
    expect(first.body.note).toMatchObject({ text: 'Premier avertissement donné le 12 mars.', by: { id: site.moderatorId, name: 'Fatou' } });
    const second = await api(server.url, 'POST', notes(), { headers: moderatorHeaders(site), body: { text: '  Deuxième avertissement.  ' } });
    const list = await api(server.url, 'GET', notes(), { headers: moderatorHeaders(site) });
    expect(list.body.notes.map((n: { text: string }) => n.text)).toEqual(['Deuxième avertissement.', 'Premier avertissement donné le 12 mars.']);
    const audit = await api(server.url, 'GET', `/api/v1/sites/${site.id}/audit?action=author.`, { headers: moderatorHeaders(site) });
    expect(audit.body.entries[0]).toMatchObject({ action: 'author.note_add', target: { type: 'author', id: authorId }, after: { noteId: second.body.note.id } });
    expect(JSON.stringify(audit.body.entries)).not.toContain('avertissement');

    expect((await api(server.url, 'DELETE', `${notes()}/${first.body.note.id}`, { headers: moderatorHeaders(site) })).status).toBe(204);
    const gone = await api(server.url, 'DELETE', `${notes()}/${first.body.note.id}`, { headers: moderatorHeaders(site) });
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('note_not_found');
    expect((await api(server.url, 'GET', notes(), { headers: moderatorHeaders(site) })).body.notes).toHaveLength(1);
  });

  it('puts the notes in the author’s data export and erases them with the author', async () => {
    const exported = await api(server.url, 'GET', `/api/v1/sites/${site.id}/authors/${authorId}/export`, { headers: admin() });
    expect(exported.body.notes).toEqual([expect.objectContaining({ text: 'Deuxième avertissement.' })]);
    expect(exported.body.notes[0].by).toBeUndefined();
    const erased = await api(server.url, 'DELETE', `/api/v1/sites/${site.id}/authors/${authorId}`, { headers: admin() });
    expect(erased.body.erased.notes).toBe(1);
    const after = await api(server.url, 'GET', `/api/v1/sites/${site.id}/authors/${authorId}/export`, { headers: admin() });
    expect(after.status === 404 || after.body.notes.length === 0).toBe(true);
  });

  it('refuses an empty or too long note, an unknown author, and a moderator of another site', async () => {
    const fresh = await postComment(server, site, 'budget', { body: 'Bonjour.', author: { name: 'Awa' } }, { 'x-device-id': 'device-notes-2-abcdef' });
    authorId = fresh.body.comment.author.id;
    for (const text of ['', '   ', 'x'.repeat(2001)]) {
      const res = await api(server.url, 'POST', notes(), { headers: moderatorHeaders(site), body: { text } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    expect((await api(server.url, 'POST', notes(), { headers: moderatorHeaders(site), body: { text: 'ok', extra: 1 } })).status).toBe(400);
    const unknown = await api(server.url, 'GET', `/api/v1/sites/${site.id}/authors/a_unknownauthor0000/notes`, { headers: moderatorHeaders(site) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('author_not_found');
    await api(server.url, 'POST', notes(), { headers: moderatorHeaders(site), body: { text: 'Note privée du site.' } });
    for (const method of ['GET', 'POST'] as const) {
      const foreign = await api(server.url, method, notes(), { headers: moderatorHeaders(other), ...(method === 'POST' ? { body: { text: 'x' } } : {}) });
      expect(foreign.status).toBe(403);
      expect(JSON.stringify(foreign.body)).not.toContain('Note privée');
    }
  });
});
