import { describe, expect, it } from 'vitest';
import { length } from '../../../workers/checks/length.js';
import { contextFor } from './check-context.js';

describe('length check', () => {
  it('holds a comment made only of punctuation and emoji as too_short', () => {
    const result = length(contextFor('!!! 👍🔥 ...'));
    expect(result?.status).toBe('held');
    expect(result?.reasons?.map((r) => r.code)).toEqual(['too_short']);
  });

  it('holds a comment made only of invisible characters', () => {
    expect(length(contextFor('\u200b\u200b \ufeff'))?.status).toBe('held');
  });

  it('lets a one-word comment through', () => {
    expect(length(contextFor('Bravo'))).toBeUndefined();
    expect(length(contextFor('2024'))).toBeUndefined();
  });
});
