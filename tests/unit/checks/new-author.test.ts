import { describe, expect, it } from 'vitest';
import { newAuthor } from '../../../workers/checks/new-author.js';
import { contextFor } from './check-context.js';

describe('newAuthor check', () => {
  it('holds the comment of an author with no approved comment when the site holds first comments', () => {
    const result = newAuthor(contextFor('Bonjour', { policy: { holdFirstComments: true }, author: { approved: 0 } }));
    expect(result?.status).toBe('held');
    expect(result?.reasons?.map((r) => r.code)).toEqual(['first_comment']);
  });

  it('lets an author with an approved comment through', () => {
    expect(newAuthor(contextFor('Bonjour', { policy: { holdFirstComments: true }, author: { approved: 1 } }))).toBeUndefined();
  });

  it('lets a new author through when the site does not hold first comments', () => {
    expect(newAuthor(contextFor('Bonjour', { author: { approved: 0 } }))).toBeUndefined();
  });
});
