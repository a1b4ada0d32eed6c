import { child, childText, streamXmlRecords, type XmlElement } from './xml-elements.js';
import { articleIdFromUrl, articleUrl, htmlToText, isoDate, toArticleId } from './imported-text.js';
import { commentItem, type ReadItem } from './read-item.js';

/** How a WordPress post becomes a Palabre article id: its slug (`wp:post_name`), its number (`wp:post_id`), or its link's path. */
export type WordPressArticleIds = 'slug' | 'id' | 'link';

/** `wp:comment_approved`: published, waiting for a moderator, or refused. */
const APPROVAL: Record<string, { status: 'approved' | 'held' | 'rejected'; why?: string }> = {
  '1': { status: 'approved' },
  approve: { status: 'approved' },
  '0': { status: 'held', why: 'Waiting for a moderator on WordPress' },
  hold: { status: 'held', why: 'Waiting for a moderator on WordPress' },
  spam: { status: 'rejected', why: 'Marked as spam on WordPress' },
  trash: { status: 'rejected', why: 'In the trash on WordPress' },
};
const NOT_COMMENTS = new Set(['pingback', 'trackback']);
const NO_DATE = '0000-00-00 00:00:00';

/**
 * Reads a WordPress export (WXR 1.1/1.2, Tools → Export): each `<item>` is a post or page with
 * its title, link, `wp:post_id`, `wp:post_name` and its `<wp:comment>`s (id, author, e-mail,
 * dates, content, `comment_approved`, `comment_type`, `comment_parent`, `comment_user_id`).
 * Items are read one at a time; their own text (the article body) is dropped as it is read.
 */
export async function* readWordPressExport(file: string, opts: { articleIds: WordPressArticleIds; onBytes?: (n: number) => void }): AsyncGenerator<ReadItem> {
  const ignoreText = new Set(['content:encoded', 'excerpt:encoded']);
  for await (const item of streamXmlRecords(file, { records: new Set(['item']), ignoreText, ...(opts.onBytes ? { onBytes: opts.onBytes } : {}) })) {
    const comments = item.children.filter((c) => c.name === 'wp:comment');
    if (comments.length === 0) continue;
    const article = articleOf(item, opts.articleIds);
    for (const c of comments) yield commentOf(c, article);
  }
}

function articleOf(item: XmlElement, ids: WordPressArticleIds) {
  const link = childText(item, 'link');
  const byId = toArticleId(childText(item, 'wp:post_id'));
  const id = ids === 'id' ? byId : ids === 'link' ? articleIdFromUrl(link) : toArticleId(decodedSlug(childText(item, 'wp:post_name'))) || byId;
  const title = htmlToText(childText(item, 'title')).slice(0, 300);
  return { id, ...(title ? { title } : {}), url: articleUrl(link) };
}

/** WordPress stores non-ASCII slugs percent-encoded (`d%c3%a9bat`); a broken one is kept as it is. */
function decodedSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

function commentOf(c: XmlElement, article: { id: string; title?: string; url?: string | undefined }): ReadItem {
  const sourceId = childText(c, 'wp:comment_id');
  const type = childText(c, 'wp:comment_type');
  if (NOT_COMMENTS.has(type)) return { kind: 'skipped', line: c.line, sourceId, reason: `a ${type}, not a comment` };
  const approved = childText(c, 'wp:comment_approved');
  const decision = APPROVAL[approved];
  if (!decision) return { kind: 'invalid', line: c.line, sourceId, reason: `unknown approval state "${approved}"` };
  const parent = childText(c, 'wp:comment_parent');
  const email = childText(c, 'wp:comment_author_email').toLowerCase();
  const name = htmlToText(childText(c, 'wp:comment_author'));
  const userId = childText(c, 'wp:comment_user_id');
  const gmt = childText(c, 'wp:comment_date_gmt');
  return commentItem(c.line, {
    source: 'wordpress',
    sourceId,
    parentSourceId: parent && parent !== '0' ? parent : undefined,
    article,
    author: { key: userId && userId !== '0' ? `user:${userId}` : email ? `email:${email}` : `name:${name}`, name, ...(email ? { email } : {}) },
    body: htmlToText(childText(c, 'wp:comment_content')),
    // the GMT date when WordPress has one; a draft's is all zeros, and the local date is all there is
    createdAt: gmt && gmt !== NO_DATE ? isoDate(gmt, true) : isoDate(childText(c, 'wp:comment_date'), true),
    status: decision.status,
    ...(decision.why ? { why: decision.why } : {}),
  });
}
