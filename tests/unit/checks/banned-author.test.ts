import { describe, expect, it } from 'vitest';
import { bannedAuthor } from '../../../workers/checks/banned-author.js';
import { contextFor } from './check-context.js';

describe('bannedAuthor check', () => {
  it('rejects a comment from a banned author with author_banned', () => {
    const result = bannedAuthor(contextFor('Bonjour', { author: { banned: true, premoderated: true } }));
    expect(result?.status).toBe('rejected');
    expect(result?.reasons?.map((r) => r.code)).toEqual(['author_banned']);
  });

  it('holds a comment from a pre-moderated author with author_premoderated', () => {
    const result = bannedAuthor(contextFor('Bonjour', { author: { premoderated: true } }));
    expect(result?.status).toBe('held');
    expect(result?.reasons?.map((r) => r.code)).toEqual(['author_premoderated']);
  });

  it('says nothing about an author in good standing', () => {
    expect(bannedAuthor(contextFor('Bonjour'))).toBeUndefined();
  });
});
