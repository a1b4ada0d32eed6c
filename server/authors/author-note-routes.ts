import { z } from 'zod';
import { appendAudit } from '../../core/audit/audit-log.js';
import { addAuthorNote, deleteAuthorNote, listAuthorNotes, MAX_NOTE_CHARS } from '../../core/authors/author-notes.js';
import { getAuthor } from '../../core/authors/author-store.js';
import { errors } from '../../core/errors.js';
import { idSchema } from '../../protocol/id-schemas.js';
import { errorResponses } from '../http/common-schemas.js';
import { defineRoute } from '../http/route-spec.js';
import { actorOf } from '../moderation/actor.js';
import type { ServerDeps } from '../server-deps.js';
import { authorParams } from './author-routes.js';

const noteSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    at: z.string(),
    by: z.object({ id: z.string(), name: z.string().optional() }).meta({ description: 'The moderator who wrote it.' }),
  })
  .meta({ id: 'AuthorNote' });

const notFound = { 404: { description: 'Unknown site or author (`author_not_found`), or note (`note_not_found`).' } };

async function requireAuthor(deps: ServerDeps, siteId: string, authorId: string): Promise<void> {
  if (!(await getAuthor(deps, siteId, authorId))) throw errors.authorNotFound();
}

/** Moderators' notes about an author: shared by the site's moderators, in the author's export, gone with their erasure. */
export const authorNoteRoutes = [
  defineRoute({
    method: 'get',
    path: '/sites/:siteId/authors/:authorId/notes',
    operationId: 'listAuthorNotes',
    summary: "The site's moderators' notes about an author, newest first.",
    tags: ['authors'],
    auth: 'moderator',
    params: authorParams,
    responses: { 200: { description: 'The notes.', schema: z.object({ notes: z.array(noteSchema) }) }, ...errorResponses, ...notFound },
    handler: async ({ deps, params }) => {
      await requireAuthor(deps, params.siteId, params.authorId);
      return { status: 200, body: { notes: await listAuthorNotes(deps, params.siteId, params.authorId) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/authors/:authorId/notes',
    operationId: 'addAuthorNote',
    summary: 'Write a note about an author for the other moderators (at most 200 per author). The text is the author\'s personal data: it is in their export and erased with them; the audit log keeps only that a note was added.',
    tags: ['authors'],
    auth: 'moderator',
    params: authorParams,
    body: z.object({ text: z.string().overwrite((s) => s.normalize('NFC').trim()).min(1).max(MAX_NOTE_CHARS) }).strict(),
    responses: { 201: { description: 'The note.', schema: z.object({ note: noteSchema }) }, ...errorResponses, ...notFound },
    handler: async ({ deps, params, body, caller }) => {
      await requireAuthor(deps, params.siteId, params.authorId);
      const actor = actorOf(caller.moderator);
      const note = await addAuthorNote(deps, params.siteId, params.authorId, body.text, actor);
      await appendAudit(deps, params.siteId, {
        at: note.at,
        actor,
        action: 'author.note_add',
        target: { type: 'author', id: params.authorId },
        after: { noteId: note.id },
      });
      return { status: 201, body: { note } };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/sites/:siteId/authors/:authorId/notes/:noteId',
    operationId: 'deleteAuthorNote',
    summary: 'Delete a note about an author.',
    tags: ['authors'],
    auth: 'moderator',
    params: authorParams.extend({ noteId: idSchema }),
    responses: { 204: { description: 'Deleted.' }, ...errorResponses, ...notFound },
    handler: async ({ deps, params, caller }) => {
      await deleteAuthorNote(deps, params.siteId, params.authorId, params.noteId);
      await appendAudit(deps, params.siteId, {
        at: new Date(deps.now()).toISOString(),
        actor: actorOf(caller.moderator),
        action: 'author.note_delete',
        target: { type: 'author', id: params.authorId },
        before: { noteId: params.noteId },
      });
      return { status: 204, body: null };
    },
  }),
];
