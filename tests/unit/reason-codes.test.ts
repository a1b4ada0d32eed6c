import { describe, expect, it } from 'vitest';
import { REASON_CODES } from '../../protocol/reason.js';
import { declaredReasonCodes } from '../support/declared-reason-codes.js';

describe('reason codes', () => {
  it('are exactly the codes the checks and the other sources declare', () => {
    expect([...declaredReasonCodes()].sort()).toEqual([...REASON_CODES].sort());
  });
});
