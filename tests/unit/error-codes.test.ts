import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errors, isPalabreError, PalabreError } from '../../core/errors.js';
import { ERROR_CODES } from '../../protocol/error-codes.js';

describe('error codes', () => {
  it('are each documented in docs/api.md', () => {
    const table = readFileSync('docs/api.md', 'utf8').split('## Error codes')[1]!;
    expect(ERROR_CODES.filter((code) => !table.includes(`\`${code}\``))).toEqual([]);
  });

  it('keep the cause out of what a client sees', () => {
    const cause = new Error('ECONNREFUSED 10.0.0.7:6379 with password hunter2');
    const e = errors.internal(cause);
    expect(e).toBeInstanceOf(PalabreError);
    expect(isPalabreError(e)).toBe(true);
    expect([e.status, e.cause]).toEqual([500, cause]);
    expect(JSON.stringify(e.toJSON())).toBe('{"error":{"code":"internal_error","message":"Something went wrong on our side."}}');
  });

  it('take the status of their code, or the one given', () => {
    expect(errors.articleClosed().status).toBe(409);
    expect(errors.storageUnavailable().retryAfter).toBe(1);
    expect(errors.badRequest(422).status).toBe(422);
  });
});
