import type { AuditActor } from '../audit/audit-log.js';
import type { CoreDeps } from '../deps.js';
import { errors } from '../errors.js';

/** What moderators wrote down about an author ("second warning given on 12 March"). */
export interface AuthorNote {
  id: string;
  text: string;
  at: string;
  /** Who wrote it: a moderator id or `admin`, and their name when known. */
  by: { id: string; name?: string };
}

export const MAX_NOTE_CHARS = 2000;
/** Enough for years of a troublesome reader; a bound so one author's record cannot grow without end. */
export const MAX_NOTES_PER_AUTHOR = 200;

/** Adds a note about an author; the note's text is personal data, so it goes with the author's export and erasure. */
export async function addAuthorNote(deps: CoreDeps, siteId: string, authorId: string, text: string, actor: AuditActor): Promise<AuthorNote> {
  const key = deps.keys.authorNotes(siteId, authorId);
  if ((await deps.redis.hlen(key)) >= MAX_NOTES_PER_AUTHOR) {
    throw errors.validation([{ in: 'body', path: 'text', message: `an author has at most ${MAX_NOTES_PER_AUTHOR} notes: delete an old one first` }]);
  }
  const note: AuthorNote = {
    id: deps.newId(),
    text,
    at: new Date(deps.now()).toISOString(),
    by: { id: actor.id, ...(actor.name ? { name: actor.name } : {}) },
  };
  await deps.redis.hset(key, note.id, JSON.stringify(note));
  return note;
}

/** The notes about an author, newest first (ids are ULIDs: they sort by time). */
export async function listAuthorNotes(deps: Pick<CoreDeps, 'redis' | 'keys'>, siteId: string, authorId: string): Promise<AuthorNote[]> {
  const all = await deps.redis.hvals(deps.keys.authorNotes(siteId, authorId));
  return all.map((j) => JSON.parse(j) as AuthorNote).sort((a, b) => b.id.localeCompare(a.id));
}

/** Deletes one note; 404 `note_not_found` when there is no such note about this author. */
export async function deleteAuthorNote(deps: CoreDeps, siteId: string, authorId: string, noteId: string): Promise<void> {
  if ((await deps.redis.hdel(deps.keys.authorNotes(siteId, authorId), noteId)) === 0) throw errors.noteNotFound();
}

/** Deletes every note about an author (their erasure); returns how many there were. */
export async function eraseAuthorNotes(deps: Pick<CoreDeps, 'redis' | 'keys'>, siteId: string, authorId: string): Promise<number> {
  const key = deps.keys.authorNotes(siteId, authorId);
  const [[, count]] = (await deps.redis.multi().hlen(key).del(key).exec()) as [[unknown, number], [unknown, number]];
  return count;
}
