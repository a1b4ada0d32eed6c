import type { Comment } from '../../../protocol/comment.js';
import type { Attribute } from '../../../protocol/attribute.js';
import type { Reason } from '../../../protocol/reason.js';
import type { AuthorProfile } from '../../../protocol/author.js';
import type { ArticleRef } from '../../../protocol/article.js';
import { button, h, safeHttpUrl } from './element.js';
import { highlightedBody } from './highlight-spans.js';
import { getLang, relativeTime, t, tOr } from './i18n.js';
import { quoteSpans, reasonLabel } from '../reason-labels.js';

export interface CardContext {
  selected: boolean;
  /** The author's profile, once loaded (only for the selected card). */
  author: AuthorProfile | undefined;
  /** The article's title and url, when the site sent them. */
  article?: ArticleRef | undefined;
  /** Name of another moderator holding a claim on this comment. */
  claimedBy: string | undefined;
  now: number;
  onSelect(): void;
  onApprove(): void;
  onReject(): void;
  onBan(): void;
}

/** low < 0.5 ≤ medium < 0.8 ≤ high: the badge colour. */
export const scoreLevel = (score: number): 'low' | 'medium' | 'high' => (score >= 0.8 ? 'high' : score >= 0.5 ? 'medium' : 'low');

function scoreBadges(c: Comment): HTMLElement | null {
  const entries = Object.entries(c.scores ?? {}).filter((e): e is [Attribute, number] => typeof e[1] === 'number');
  if (entries.length === 0) return null;
  entries.sort((a, b) => b[1] - a[1]);
  return h(
    'ul',
    { class: 'badges', 'aria-label': t('scores') },
    ...entries.map(([attribute, score]) =>
      h('li', { class: `badge ${scoreLevel(score)}`, 'data-attribute': attribute }, `${tOr(`a_${attribute}`, attribute)} ${Math.round(score * 100)} %`),
    ),
  );
}

/** "Menace · Appel à la violence": the kinds of severe harm found, first thing a moderator reads. */
function severeBanner(c: Comment): HTMLElement | null {
  const lang = getLang();
  const categories = [...new Set((c.reasons ?? []).flatMap((r) => (r.category ? [r.category] : [])))];
  if (categories.length === 0) return null;
  const labels = categories.map((k) => reasonLabel(k, lang) ?? k);
  return h('p', { class: 'severe', role: 'note', 'data-categories': categories.join(' ') }, `${t('severeHarm')}${lang === 'fr' ? ' : ' : ': '}${labels.join(' · ')}`);
}

function reasonList(c: Comment): HTMLElement | null {
  if (!c.reasons?.length) return null;
  return h(
    'section',
    { class: 'reasons' },
    h('h3', {}, t('reasons')),
    h('ul', {}, ...c.reasons.map((r) => reasonItem(c.body, r))),
  );
}

/**
 * A reason in the console's language: the code's label and the words it is about, quoted from
 * the comment; the server's English message (which may say more, e.g. scores) as the tooltip.
 */
function reasonItem(body: string, r: Reason): HTMLElement {
  const lang = getLang();
  // a score reason names its attribute (Insulte, Menace…), more precise than its code; others their code
  const scored = r.code === 'toxic_language' || r.code === 'spam_signals';
  const label = r.attribute && scored ? capitalise(tOr(`a_${r.attribute}`, r.attribute)) : (reasonLabel(r.code, lang) ?? (r.attribute ? capitalise(tOr(`a_${r.attribute}`, r.attribute)) : undefined));
  if (!label) return h('li', {}, r.message, ' ', h('code', {}, r.code));
  const quotes = quoteSpans(body, r.spans ?? []).map((q) => (lang === 'fr' ? `« ${q} »` : `“${q}”`));
  const text = quotes.length ? `${label}${lang === 'fr' ? ' : ' : ': '}${quotes.join(', ')}` : label;
  return h('li', { title: r.message }, text, ' ', h('code', {}, r.code));
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function reportList(c: Comment): HTMLElement | null {
  const reports = c.reports;
  if (!reports || reports.total === 0) return null;
  const byReason = Object.entries(reports.byReason).filter(([, n]) => (n ?? 0) > 0);
  return h(
    'section',
    { class: 'reports' },
    h('h3', {}, `${t('reports')} (${reports.total})`),
    h('ul', {}, ...byReason.map(([reason, n]) => h('li', {}, `${tOr(`r_${reason}`, reason)} × ${n}`))),
    reports.notes.length ? h('ul', { class: 'report-notes' }, ...reports.notes.map((n) => h('li', {}, h('q', {}, n.note)))) : null,
  );
}

function authorHistory(author: AuthorProfile | undefined, now: number): HTMLElement | null {
  if (!author) return null;
  return h(
    'p',
    { class: 'history' },
    h('span', { class: 'visually-hidden' }, `${t('history')} : `),
    author.firstSeenAt ? t('firstSeen', { date: relativeTime(author.firstSeenAt, now) }) : t('firstSeen', { date: t('never') }),
    ' · ',
    t('authorCounts', { approved: author.approved, rejected: author.rejected, reported: author.reported }),
    author.banned ? h('strong', { class: 'banned' }, ` · ${t('bannedAuthor')}`) : null,
  );
}

/** The article's title (else its id) as text; a link only to an http(s) URL. */
function articleRef(articleId: string, article: ArticleRef | undefined): HTMLElement {
  const url = safeHttpUrl(article?.url ?? articleId);
  const text = article?.title ?? articleId;
  const label = `${t('article')} : `;
  return url
    ? h('p', { class: 'article' }, label, h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, text))
    : h('p', { class: 'article' }, label, h('span', {}, text));
}

/** One comment, with everything a moderator needs to decide; all data goes in as text. */
export function commentCard(c: Comment, ctx: CardContext): HTMLElement {
  const body = h('p', { class: 'body' });
  body.appendChild(highlightedBody(c.body, c.reasons));
  const card = h(
    'article',
    {
      class: `card${ctx.selected ? ' selected' : ''}`,
      'data-comment-id': c.id,
      'aria-current': ctx.selected ? 'true' : undefined,
      'aria-labelledby': `author-${c.id}`,
    },
    h(
      'header',
      {},
      h('h2', { id: `author-${c.id}`, class: 'author' }, c.author.name),
      ' ',
      h('time', { datetime: c.createdAt, title: c.createdAt }, relativeTime(c.createdAt, ctx.now)),
    ),
    ctx.selected ? authorHistory(ctx.author, ctx.now) : null,
    articleRef(c.articleId, ctx.article),
    ctx.claimedBy ? h('p', { class: 'claim', role: 'note' }, t('claimedBy', { name: ctx.claimedBy })) : null,
    severeBanner(c),
    scoreBadges(c),
    body,
    reasonList(c),
    reportList(c),
    h(
      'div',
      { class: 'actions' },
      button(t('approve'), ctx.onApprove, { class: 'approve', 'aria-keyshortcuts': 'a' }),
      button(t('reject'), ctx.onReject, { class: 'reject', 'aria-keyshortcuts': 'r' }),
      button(t('ban'), ctx.onBan, { class: 'ban', 'aria-keyshortcuts': 'b' }),
    ),
  );
  card.addEventListener('click', (e) => {
    if (!(e.target as Element).closest('button, a')) ctx.onSelect();
  });
  return card;
}
