import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleIdFromUrl, htmlToText, isoDate, toArticleId } from '../../../scripts/import/imported-text.js';
import { streamXmlRecords } from '../../../scripts/import/xml-elements.js';

const DISQUS = join(import.meta.dirname, '..', '..', 'fixtures', 'import', 'disqus-export.xml');

describe('reading an export', () => {
  it('hands over the same records whatever the size of the chunks read', async () => {
    const ids = async (chunkBytes: number) => {
      const out: string[] = [];
      for await (const r of streamXmlRecords(DISQUS, { records: new Set(['post']), chunkBytes })) out.push(`${r.attributes['dsq:id']}@${r.line}`);
      return out;
    };
    const whole = await ids(1 << 20);
    expect(whole).toHaveLength(11);
    expect(await ids(7)).toEqual(whole); // chunks cut through tags, CDATA and multi-byte letters
  });

  it('turns comment HTML into plain text', () => {
    expect(htmlToText('<p>Un.</p>\n<p>Deux&nbsp;!</p>')).toBe('Un.\n\nDeux\u00a0!');
    expect(htmlToText('Ligne<br/>suivante &amp; <b>gras</b> &#233;t&#xE9; &mdash; <script>x</script>')).toBe('Ligne\nsuivante & gras été — x');
    expect(htmlToText('<a href="https://a.example/x?y=1&amp;z=2">lien</a>')).toBe('lien (https://a.example/x?y=1&z=2)');
    expect(htmlToText('<a href="https://a.example/">https://a.example/</a>')).toBe('https://a.example/');
  });

  it('makes article ids Palabre accepts from identifiers and links', () => {
    expect(toArticleId('Débat : franc CFA / 2024')).toBe('Debat-franc-CFA-2024');
    expect(toArticleId('123 https://x.example/?p=123')).toBe('123-https-x.example-p-123');
    expect(toArticleId('///')).toBe('');
    expect(articleIdFromUrl('https://x.example/2024/05/budget/')).toBe('2024-05-budget');
    expect(articleIdFromUrl('not a url')).toBe('');
  });

  it('reads export dates as UTC ISO 8601', () => {
    expect(isoDate('2024-03-01T09:00:00Z')).toBe('2024-03-01T09:00:00.000Z');
    expect(isoDate('2024-03-04 10:00:00', true)).toBe('2024-03-04T10:00:00.000Z');
    expect(isoDate('0000-00-00 00:00:00', true)).toBeUndefined();
    expect(isoDate('hier')).toBeUndefined();
  });
});
