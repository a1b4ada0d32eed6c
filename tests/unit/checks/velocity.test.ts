import { describe, expect, it } from 'vitest';
import { velocity } from '../../../workers/checks/velocity.js';
import { contextFor } from './check-context.js';

const policy = { velocity: { maxComments: 3, perSeconds: 60 } };

describe('velocity check', () => {
  it('holds the comment that comes after the allowed number within the window', () => {
    const result = velocity(contextFor('Encore moi', { policy, recent: { authorCommentsInWindow: 3 } }));
    expect(result?.status).toBe('held');
    expect(result?.reasons?.map((r) => r.code)).toEqual(['velocity']);
    expect(result?.reasons?.[0]?.message).toBe('Comment number 4 within 60 s, the site allows 3');
  });

  it('lets the last allowed comment through', () => {
    expect(velocity(contextFor('Encore moi', { policy, recent: { authorCommentsInWindow: 2 } }))).toBeUndefined();
  });
});
