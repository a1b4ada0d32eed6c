import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABELLED_REASON_CODES, quoteSpans, reasonLabel } from '../../client-sdk/src/reason-labels.js';

/** Every reason code the workers and the server write, read from the source so a new one cannot be missed. */
function codesInSource(): Set<string> {
  const codes = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/code: '([a-z_]+)'/g)) codes.add(m[1]!);
        for (const m of text.matchAll(/(?:reason|decisionReason|reasonsFor)\([^)]*?'([a-z_]+)'/g)) codes.add(m[1]!);
      }
    }
  };
  walk('workers');
  walk('server/moderation');
  walk('core/articles');
  for (const attribute of ['toxicity', 'spam']) for (const step of ['hold', 'reject']) codes.add(`${attribute}_above_${step}`);
  codes.delete('storage_unavailable'); // an API error code, not a decision reason
  return codes;
}

describe('reason labels', () => {
  it('label every reason code the pipeline writes, in French and English', () => {
    const codes = codesInSource();
    // the source scan finds the codes written in every style (object literal, helper call)
    for (const code of ['banned_word', 'too_many_links', 'velocity', 'check_failed', 'surge_pre_moderation', 'reported']) {
      expect(codes).toContain(code);
    }
    const missing = [...codes].filter((code) => !reasonLabel(code, 'fr') || !reasonLabel(code, 'en'));
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
