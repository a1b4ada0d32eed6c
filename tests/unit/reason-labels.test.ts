import { describe, expect, it } from 'vitest';
import { LABELLED_REASON_CODES, quoteSpans, reasonLabel } from '../../client-sdk/src/reason-labels.js';
import { REJECTION_CODES } from '../../protocol/comment.js';
import { UI_LANGUAGES } from '../../protocol/language.js';
import { declaredReasonCodes } from '../support/declared-reason-codes.js';

describe('reason labels', () => {
  it('label every reason code the checks, the decision and the pipeline declare, in French and English', () => {
    const codes = declaredReasonCodes();
    // the declarations cover the codes written in every place (checks, decision, providers, reports, pipeline)
    for (const code of ['banned_word', 'too_many_links', 'velocity', 'check_failed', 'surge_pre_moderation', 'reported']) {
      expect(codes).toContain(code);
    }
    const missing = [...codes, ...REJECTION_CODES].filter((code) => UI_LANGUAGES.some((lang) => !reasonLabel(code, lang)));
    expect(missing).toEqual([]);
    expect(LABELLED_REASON_CODES.length).toBeGreaterThan(20);
  });

  it('quote distinct words at the spans, as written, at most three', () => {
    const body = 'Toi connard, oui toi CONNARD, abruti et imbécile';
    const spans = [
      { start: 4, end: 11 },
      { start: 21, end: 28 },
      { start: 30, end: 36 },
      { start: 40, end: 48 },
      { start: 4, end: 11 },
    ];
    expect(quoteSpans(body, spans)).toEqual(['connard', 'CONNARD', 'abruti']);
    expect(reasonLabel('__proto__', 'fr')).toBeUndefined();
  });
});
