import { describe, expect, it } from 'vitest';
import { duplicate } from '../../../workers/checks/duplicate.js';
import { contextFor } from './check-context.js';

describe('duplicate check', () => {
  it('holds a text the same author already posted in the last 24 h', () => {
    const result = duplicate(contextFor('Bonjour', { recent: { sameTextSameAuthor24h: 1 } }));
    expect(result?.status).toBe('held');
    expect(result?.reasons?.map((r) => r.code)).toEqual(['duplicate_author']);
  });

  it('holds a text two other authors posted in the last hour, as a likely campaign', () => {
    const result = duplicate(contextFor('Bonjour', { recent: { sameTextOtherAuthors1h: 2 } }));
    expect(result?.status).toBe('held');
    expect(result?.reasons?.map((r) => r.code)).toEqual(['duplicate_site']);
    expect(result?.reasons?.[0]?.message).toContain('2 other authors');
  });

  it('lets a text through that one other author happened to post too', () => {
    expect(duplicate(contextFor('Bravo', { recent: { sameTextOtherAuthors1h: 1 } }))).toBeUndefined();
  });

  it('gives both reasons when both apply', () => {
    const result = duplicate(contextFor('x', { recent: { sameTextSameAuthor24h: 3, sameTextOtherAuthors1h: 5 } }));
    expect(result?.reasons?.map((r) => r.code)).toEqual(['duplicate_author', 'duplicate_site']);
  });
});
