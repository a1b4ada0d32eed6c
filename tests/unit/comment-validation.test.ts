import { describe, expect, it } from 'vitest';
import { articleParams, postCommentBody } from '../../server/comments/comment-schemas.js';
import { mergePolicy } from '../../core/sites/site-store.js';
import { defaultPolicy } from '../../core/sites/policy.js';

describe('comment input rules', () => {
  it('trims the body and normalises it to NFC', () => {
    const r = postCommentBody.parse({ body: '  Cafe\u0301 ', author: { name: ' Awa ' } });
    expect(r.body).toBe('Café');
    expect(r.author.name).toBe('Awa');
  });

  it('refuses a body that is empty after trimming', () => {
    expect(postCommentBody.safeParse({ body: ' \n\t ', author: { name: 'Awa' } }).success).toBe(false);
  });

  it('accepts 5000 characters and refuses 5001', () => {
    expect(postCommentBody.safeParse({ body: 'é'.repeat(5000), author: { name: 'A' } }).success).toBe(true);
    expect(postCommentBody.safeParse({ body: 'é'.repeat(5001), author: { name: 'A' } }).success).toBe(false);
  });

  it('counts a decomposed accent as one character', () => {
    const decomposed = 'e\u0301'.repeat(5000); // 10000 code units, 5000 characters after NFC
    expect(postCommentBody.safeParse({ body: decomposed, author: { name: 'A' } }).success).toBe(true);
  });

  it('limits the author name to 80 characters', () => {
    expect(postCommentBody.safeParse({ body: 'x', author: { name: 'n'.repeat(80) } }).success).toBe(true);
    expect(postCommentBody.safeParse({ body: 'x', author: { name: 'n'.repeat(81) } }).success).toBe(false);
    expect(postCommentBody.safeParse({ body: 'x', author: { name: '' } }).success).toBe(false);
  });

  it('refuses a parentId that is not an id', () => {
    expect(postCommentBody.safeParse({ body: 'x', author: { name: 'A' }, parentId: 'nope' }).success).toBe(false);
  });

  it('accepts URL-safe article ids up to 200 characters only', () => {
    const siteId = '01J00000000000000000000000';
    expect(articleParams.safeParse({ siteId, articleId: 'politique/2026' }).success).toBe(false);
    expect(articleParams.safeParse({ siteId, articleId: 'politique-2026_v2.html~a' }).success).toBe(true);
    expect(articleParams.safeParse({ siteId, articleId: 'a'.repeat(200) }).success).toBe(true);
    expect(articleParams.safeParse({ siteId, articleId: 'a'.repeat(201) }).success).toBe(false);
  });
});

describe('policy merge', () => {
  it('changes only the fields a patch names, one level deep', () => {
    const merged = mergePolicy({ ...defaultPolicy(), mode: 'pre' }, { thresholds: { toxicity: { hold: 0.3 } } });
    expect(merged.mode).toBe('pre');
    expect(merged.thresholds.toxicity).toEqual({ hold: 0.3, reject: 0.9 });
    expect(merged.thresholds.spam).toEqual({ hold: 0.5, reject: 0.9 });
  });

  it('refuses unknown policy fields', () => {
    expect(() => mergePolicy(defaultPolicy(), { nope: true } as never)).toThrow();
  });
});
