import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const WORDS = [
  'le', 'budget', 'des', 'routes', 'du', 'nord', 'enfin', 'voté', 'mais', 'les', 'chantiers', 'tardent', 'à', 'démarrer',
  'Ouagadougou', 'Niamey', 'Bamako', 'Dakar', 'Abidjan', 'pluies', 'récoltes', 'élections', 'jeunesse', 'emploi', 'école',
  'santé', 'prix', 'marché', 'transport', 'sécurité', 'village', 'région', 'gouvernement', 'opposition', 'merci', 'article',
  'très', 'bien', 'écrit', 'pourquoi', 'personne', 'ne', 'parle', 'pistes', 'rurales', 'électricité', 'coupures', 'eau',
];

/** A sentence of `n` words drawn from a fixed vocabulary, deterministic from the seed. */
function sentence(seed: number, n: number): string {
  const out: string[] = [];
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out.push(WORDS[x % WORDS.length]!);
  }
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * Writes a Disqus export of about `targetBytes`: one thread per 200 posts, a fifth of the posts
 * replies to a recent one, 3 % spam, 1 % deleted, one message in 50 with a link. Returns the
 * number of posts written.
 */
export async function writeSyntheticDisqusExport(file: string, targetBytes: number): Promise<{ posts: number; threads: number; bytes: number }> {
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (s: string) => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n');
  const threads = Math.max(1, Math.round(targetBytes / 1100 / 200));
  for (let t = 1; t <= threads; t++) {
    await write(`  <thread dsq:id="${t}">\n    <id>article-${t}</id>\n    <forum>bench</forum>\n    <link>https://www.journal.example/article-${t}</link>\n    <title>${xml(sentence(t, 8))}</title>\n    <createdAt>2023-01-01T00:00:00Z</createdAt>\n    <author><name>La rédaction</name><isAnonymous>false</isAnonymous><username>redaction</username></author>\n    <isClosed>false</isClosed>\n    <isDeleted>false</isDeleted>\n  </thread>\n`);
  }
  let posts = 0;
  const start = Date.parse('2023-01-01T00:00:00Z');
  while (bytes < targetBytes - 200) {
    posts++;
    const thread = ((posts - 1) % threads) + 1;
    const parent = posts > threads && posts % 5 === 0 ? posts - threads : 0; // the previous post of the same thread
    const body = `<p>${xml(sentence(posts, 20 + (posts % 60)))}</p>${posts % 50 === 0 ? '<p>Voir <a href="https://www.example.org/source">la source</a>.</p>' : ''}`;
    const user = `lecteur${posts % 20_000}`;
    await write(
      `  <post dsq:id="${posts}">\n    <id />\n    <message><![CDATA[${body}]]></message>\n    <createdAt>${new Date(start + posts * 60_000).toISOString().replace('.000', '')}</createdAt>\n    <isDeleted>${posts % 100 === 7}</isDeleted>\n    <isSpam>${posts % 33 === 3}</isSpam>\n    <author>\n      <email>${user}@example.org</email>\n      <name>Lecteur ${posts % 20_000}</name>\n      <isAnonymous>false</isAnonymous>\n      <username>${user}</username>\n    </author>\n    <ipAddress>203.0.113.${posts % 250}</ipAddress>\n    <thread dsq:id="${thread}" />\n${parent ? `    <parent dsq:id="${parent}" />\n` : ''}  </post>\n`,
    );
  }
  await write('</disqus>\n');
  out.end();
  await once(out, 'finish');
  return { posts, threads, bytes };
}
