import type { ArticleRef } from '../../../protocol/article.js';
import type { Attribute } from '../../../protocol/attribute.js';
import type { AuthorProfile } from '../../../protocol/author.js';
import type { Comment } from '../../../protocol/comment.js';
import type { Reason } from '../../../protocol/reason.js';
import { quoteSpans, reasonLabel } from '../reason-labels.js';
import { HighlightedBody } from './highlighted-body.js';
import { getLang, relativeTime, t, tOr, type MessageKey } from './i18n.js';
import { paths, safeHttpUrl } from './paths.js';

export interface CardProps {
  comment: Comment;
  selected: boolean;
  /** The author's profile, once loaded (only for the selected card). */
  author?: AuthorProfile | undefined;
  /** The article's title and url, when the site sent them. */
  article?: ArticleRef | undefined;
  /** Name of another moderator holding a claim on this comment. */
  claimedBy?: string | undefined;
  now: number;
  /** Ticked for a bulk decision; without `onTick` the card has no checkbox. */
  ticked?: boolean;
  onTick?: (range: boolean) => void;
  onSelect?: () => void;
  /** The decision buttons; without them the card is read-only (search, article and author pages show the same card). */
  actions?: { approve(): void; reject(): void; ban(): void; feature(): void } | undefined;
}

/** low < 0.5 ≤ medium < 0.8 ≤ high: the badge colour. */
export const scoreLevel = (score: number): 'low' | 'medium' | 'high' => (score >= 0.8 ? 'high' : score >= 0.5 ? 'medium' : 'low');
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const colon = () => (getLang() === 'fr' ? ' : ' : ': ');

function ScoreBadges({ c }: { c: Comment }) {
  const entries = Object.entries(c.scores ?? {}).filter((e): e is [Attribute, number] => typeof e[1] === 'number');
  if (entries.length === 0) return null;
  entries.sort((a, b) => b[1] - a[1]);
  return (
    <ul class="badges" aria-label={t('scores')}>
      {entries.map(([attribute, score]) => (
        <li key={attribute} class={`badge ${scoreLevel(score)}`} data-attribute={attribute}>
          {`${tOr(`a_${attribute}`, attribute)} ${Math.round(score * 100)} %`}
        </li>
      ))}
    </ul>
  );
}

/** "Menace · Appel à la violence": the kinds of severe harm found, first thing a moderator reads. */
function SevereBanner({ c }: { c: Comment }) {
  const lang = getLang();
  const categories = [...new Set((c.reasons ?? []).flatMap((r) => (r.category ? [r.category] : [])))];
  if (categories.length === 0) return null;
  const labels = categories.map((k) => reasonLabel(k, lang) ?? k);
  return (
    <p class="severe" role="note" data-categories={categories.join(' ')}>
      {`${t('severeHarm')}${colon()}${labels.join(' · ')}`}
    </p>
  );
}

/**
 * A reason in the console's language: the code's label and the words it is about, quoted from
 * the comment; the server's English message (which may say more, e.g. scores) as the tooltip.
 */
function ReasonItem({ body, r }: { body: string; r: Reason }) {
  const lang = getLang();
  // a score reason names its attribute (Insulte, Menace…), more precise than its code; others their code
  const scored = r.code === 'toxic_language' || r.code === 'spam_signals';
  const byAttribute = r.attribute ? capitalise(tOr(`a_${r.attribute}`, r.attribute)) : undefined;
  const label = r.attribute && scored ? byAttribute : (reasonLabel(r.code, lang) ?? byAttribute);
  if (!label) return <li>{r.message} <code>{r.code}</code></li>;
  const quotes = quoteSpans(body, r.spans ?? []).map((q) => (lang === 'fr' ? `« ${q} »` : `“${q}”`));
  const text = quotes.length ? `${label}${colon()}${quotes.join(', ')}` : label;
  return (
    <li title={r.message}>
      {text} <code>{r.code}</code>
    </li>
  );
}

function Reports({ c }: { c: Comment }) {
  const reports = c.reports;
  if (!reports || reports.total === 0) return null;
  const byReason = Object.entries(reports.byReason).filter(([, n]) => (n ?? 0) > 0);
  return (
    <section class="reports">
      <h3>{`${t('reports')} (${reports.total})`}</h3>
      <ul>
        {byReason.map(([reason, n]) => (
          <li key={reason}>{`${tOr(`r_${reason}`, reason)} × ${n}`}</li>
        ))}
      </ul>
      {reports.notes.length ? (
        <ul class="report-notes">
          {reports.notes.map((n, i) => (
            <li key={i}>
              <q>{n.note}</q>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function AuthorHistory({ author, now }: { author: AuthorProfile | undefined; now: number }) {
  if (!author) return null;
  return (
    <p class="history">
      <span class="visually-hidden">{`${t('history')} : `}</span>
      {t('firstSeen', { date: author.firstSeenAt ? relativeTime(author.firstSeenAt, now) : t('never') })}
      {' · '}
      {t('authorCounts', { approved: author.approved, rejected: author.rejected, reported: author.reported })}
      {author.banned ? <strong class="banned">{` · ${t('bannedAuthor')}`}</strong> : null}
    </p>
  );
}

/** The article's title (else its id) as text; a link only to an http(s) URL. */
function ArticleLine({ articleId, article }: { articleId: string; article: ArticleRef | undefined }) {
  const url = safeHttpUrl(article?.url ?? articleId);
  const text = article?.title ?? articleId;
  return (
    <p class="article">
      {`${t('article')} : `}
      {url ? (
        <a href={url} target="_blank" rel="noopener noreferrer">
          {text}
        </a>
      ) : (
        <span>{text}</span>
      )}
      {article?.section ? <span class="tag section">{` ${article.section}`}</span> : null}
    </p>
  );
}

/** One comment, with everything a moderator needs to decide; all data goes in as text. */
export function CommentCard(p: CardProps) {
  const c = p.comment;
  const onClick = (e: MouseEvent) => {
    if (!(e.target as Element).closest('button, a, input, label')) p.onSelect?.();
  };
  return (
    <>
    <article
      class={`card${p.selected ? ' selected' : ''}${p.ticked ? ' ticked' : ''}`}
      data-comment-id={c.id}
      aria-current={p.selected ? 'true' : undefined}
      aria-labelledby={`author-${c.id}`}
      onClick={onClick}
    >
      <header>
        {p.onTick ? (
          <input
            type="checkbox"
            class="tick"
            checked={p.ticked ?? false}
            aria-label={t('selectComment', { name: c.author.name })}
            onClick={(e) => {
              e.preventDefault(); // the state decides, so a shift-click range stays consistent
              p.onTick!(e.shiftKey);
            }}
          />
        ) : null}
        <h2 id={`author-${c.id}`} class="author">
          {c.author.name}
        </h2>{' '}
        <time dateTime={c.createdAt} title={c.createdAt}>
          {relativeTime(c.createdAt, p.now)}
        </time>
        {p.actions ? null : <span class={`status s-${c.status}`}>{t(`s_${c.status}` as MessageKey)}</span>}
        {c.author.staff ? <span class="tag staff">{` ${t('staff')}`}</span> : null}
        {c.featuredAt ? <span class="tag featured">{` ${t('featured')}`}</span> : null}
      </header>
      {p.selected ? <AuthorHistory author={p.author} now={p.now} /> : null}
      <ArticleLine articleId={c.articleId} article={p.article} />
      {p.claimedBy ? (
        <p class="claim" role="note">
          {t('claimedBy', { name: p.claimedBy })}
        </p>
      ) : null}
      <SevereBanner c={c} />
      <ScoreBadges c={c} />
      <HighlightedBody body={c.body} reasons={c.reasons} />
      {c.reasons?.length ? (
        <section class="reasons">
          <h3>{t('reasons')}</h3>
          <ul>
            {c.reasons.map((r, i) => (
              <ReasonItem key={i} body={c.body} r={r} />
            ))}
          </ul>
        </section>
      ) : null}
      <Reports c={c} />
      {p.actions ? (
        <div class="actions">
          <button type="button" class="approve" aria-keyshortcuts="a" onClick={p.actions.approve}>
            {t('approve')}
          </button>
          <button type="button" class="reject" aria-keyshortcuts="r" onClick={p.actions.reject}>
            {t('reject')}
          </button>
          <button type="button" class="ban" aria-keyshortcuts="b" onClick={p.actions.ban}>
            {t('ban')}
          </button>
          {/* only a published comment can be one of the newsroom's picks */}
          {c.status === 'approved' ? (
            <button type="button" class="feature" aria-pressed={c.featuredAt !== undefined} onClick={p.actions.feature}>
              {t('feature')}
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
    {/* beside the card, not in it: the card itself holds no link but the article's own */}
    <p class="card-links">
      <a href={paths.author(c.author.id)}>{t('openAuthor')}</a>
      <a href={paths.comment(c.id)}>{t('openComment')}</a>
      <a href={paths.article(c.articleId)}>{t('viewArticle')}</a>
    </p>
    </>
  );
}
