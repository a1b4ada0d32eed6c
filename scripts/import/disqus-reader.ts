import { child, childText, streamXmlRecords, type XmlElement } from './xml-elements.js';
import { articleIdFromUrl, articleUrl, htmlToText, isoDate, toArticleId } from './imported-text.js';
import { commentItem, type ReadItem } from './read-item.js';

/** How a Disqus thread becomes a Palabre article id: its identifier (`<id>`, what the site's embed code set), else its link's path; or always the link's path. */
export type DisqusArticleIds = 'identifier' | 'link';

interface Thread {
  id: string;
  title?: string | undefined;
  url?: string | undefined;
}

const DSQ_ID = 'dsq:id';
const isTrue = (text: string) => text.trim().toLowerCase() === 'true';

/**
 * Reads a Disqus export (the XML file of Admin → Moderation → Export): `<category>`,
 * `<thread dsq:id>` (identifier, link, title), then `<post dsq:id>` (message as HTML,
 * createdAt, isDeleted, isSpam, author, `<thread dsq:id>` and `<parent dsq:id>`). Threads are
 * kept in memory as they come (one per article); posts are handed over one by one.
 */
export async function* readDisqusExport(file: string, opts: { articleIds: DisqusArticleIds; onBytes?: (n: number) => void }): AsyncGenerator<ReadItem> {
  const threads = new Map<string, Thread>();
  const records = new Set(['thread', 'post']);
  for await (const element of streamXmlRecords(file, { records, ...(opts.onBytes ? { onBytes: opts.onBytes } : {}) })) {
    if (element.name === 'thread') {
      const id = element.attributes[DSQ_ID];
      if (id) threads.set(id, threadOf(element, opts.articleIds));
      continue;
    }
    yield postItem(element, threads);
  }
}

function threadOf(element: XmlElement, articleIds: DisqusArticleIds): Thread {
  const link = childText(element, 'link');
  const identifier = articleIds === 'identifier' ? toArticleId(childText(element, 'id')) : '';
  const title = htmlToText(childText(element, 'title')).slice(0, 300);
  return { id: identifier || articleIdFromUrl(link), ...(title ? { title } : {}), url: articleUrl(link) };
}

function postItem(element: XmlElement, threads: Map<string, Thread>): ReadItem {
  const sourceId = element.attributes[DSQ_ID] ?? '';
  const threadId = child(element, 'thread')?.attributes[DSQ_ID];
  const thread = threadId ? threads.get(threadId) : undefined;
  if (!thread) return { kind: 'invalid', line: element.line, sourceId, reason: `thread ${threadId ?? '(none)'} is not in the export` };
  const author = child(element, 'author');
  const username = author ? childText(author, 'username') : '';
  const email = author ? childText(author, 'email').toLowerCase() : '';
  const name = author ? childText(author, 'name') : '';
  const spam = isTrue(childText(element, 'isSpam'));
  const deleted = isTrue(childText(element, 'isDeleted'));
  // isApproved is not in every export; false means it waited for a moderator on Disqus
  const waiting = childText(element, 'isApproved').toLowerCase() === 'false';
  return commentItem(element.line, {
    source: 'disqus',
    sourceId,
    parentSourceId: child(element, 'parent')?.attributes[DSQ_ID] || undefined,
    article: thread,
    author: { key: username ? `user:${username}` : email ? `email:${email}` : `name:${name}`, name: name || username, ...(email ? { email } : {}) },
    body: htmlToText(childText(element, 'message')),
    createdAt: isoDate(childText(element, 'createdAt')),
    status: spam || deleted ? 'rejected' : waiting ? 'held' : 'approved',
    ...(spam ? { why: 'Marked as spam on Disqus' } : deleted ? { why: 'Deleted on Disqus' } : waiting ? { why: 'Waiting for a moderator on Disqus' } : {}),
  });
}
