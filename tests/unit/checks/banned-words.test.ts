import { describe, expect, it } from 'vitest';
import { bannedWords } from '../../../workers/checks/banned-words.js';
import { contextFor } from './check-context.js';

const policy = { bannedWords: ['connard', 'idiot*', 'nique ta mère'], suspectWords: ['con', 'macron démission'] };
const check = (body: string) => bannedWords(contextFor(body, { policy }));
const quoted = (body: string) => (check(body)?.reasons ?? []).flatMap((r) => r.spans.map((s) => body.slice(s.start, s.end)));

describe('bannedWords check', () => {
  it('rejects a comment with a banned word, naming the entry and the words as written', () => {
    const result = check('Quel CONNARD celui-là');
    expect(result?.status).toBe('rejected');
    expect(result?.reasons).toEqual([
      { check: 'bannedWords', code: 'banned_word', message: 'Banned word "connard": "CONNARD"', spans: [{ start: 5, end: 12 }], term: 'connard' },
    ]);
  });

  it('holds a comment with a suspect word', () => {
    const result = check('Ce ministre est un con.');
    expect(result?.status).toBe('held');
    expect(result?.reasons?.map((r) => r.code)).toEqual(['suspect_word']);
  });

  it('does not match a word inside a longer one such as "content" or "conseil"', () => {
    expect(check('Je suis content du conseil municipal')).toBeUndefined();
  });

  it('matches wildcard entries such as "idiot*" on "idiots" and "idiote"', () => {
    expect(quoted('Ces idiots et cette idiote')).toEqual(['idiots', 'idiote']);
  });

  it('catches obfuscated banned words and points at what the reader wrote', () => {
    expect(quoted('c.o.n.n.a.r.d, соnnаrd, c0nn4rd, con\u200bnard')).toEqual([
      'c.o.n.n.a.r.d',
      'соnnаrd',
      'c0nn4rd',
      'con\u200bnard',
    ]);
  });

  it('matches multi-word entries, accents ignored', () => {
    expect(quoted('nique ta mere')).toEqual(['nique ta mere']);
    expect(check('Macron, démission !')?.status).toBe('held');
  });

  it('rejects when a comment has both a banned and a suspect word, giving both reasons', () => {
    const result = check('connard et con');
    expect(result?.status).toBe('rejected');
    expect(result?.reasons?.map((r) => r.code)).toEqual(['banned_word', 'suspect_word']);
  });

  it('counts repeated occurrences in one reason', () => {
    const result = check('connard, connard, connard');
    expect(result?.reasons).toHaveLength(1);
    expect(result?.reasons?.[0]?.message).toBe('Banned word "connard": "connard" (3 times)');
    expect(result?.reasons?.[0]?.spans).toHaveLength(3);
  });

  it('says nothing when the site has no word lists', () => {
    expect(bannedWords(contextFor('connard'))).toBeUndefined();
  });
});
