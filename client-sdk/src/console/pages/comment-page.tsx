import { CommentCard } from '../comment-card.js';
import { useConsole } from '../console-context.js';
import { dateTime, t, tOr } from '../i18n.js';
import { paths } from '../paths.js';
import { useLoad } from '../use-load.js';

/** One comment as it is now, whatever its status: where the audit log and the webhooks' links lead. */
export function CommentPage(props: { commentId: string }) {
  const { app } = useConsole();
  const siteId = app.state.session.siteId;
  const loaded = useLoad(async () => {
    const comment = await app.client.comment(siteId, props.commentId);
    const found = await app.client.api.getArticle({ path: { siteId, articleId: comment.articleId } }).catch(() => null);
    const a = found?.article;
    const article = a ? { id: a.id, ...(a.title ? { title: a.title } : {}), ...(a.url ? { url: a.url } : {}), ...(a.section ? { section: a.section } : {}) } : undefined;
    return { comment, article };
  }, [props.commentId]);
  if (loaded.error) return <p class="error" role="alert">{loaded.code === 'comment_not_found' ? t('notFound') : t('failed', { message: loaded.error })}</p>;
  if (!loaded.data) return <p class="empty">{t('loading')}</p>;
  const { comment: c, article } = loaded.data;
  const who = c.decidedBy === 'auto' ? t('byChecks') : (c.decidedBy ?? '');
  return (
    <section class="page comment-view" aria-labelledby="comment-title">
      <h2 id="comment-title">{t('commentTitle', { name: c.author.name })}</h2>
      {c.decidedAt ? <p class="decided">{t('decidedBy', { who, date: dateTime(c.decidedAt) })}</p> : null}
      {c.moderatorReason ? (
        <p class="moderator-reason">
          {t('moderatorReason', { reason: `${tOr(`r_${c.moderatorReason.code}`, c.moderatorReason.code)}${c.moderatorReason.note ? ` — ${c.moderatorReason.note}` : ''}` })}
        </p>
      ) : null}
      <CommentCard comment={c} selected={false} article={article} now={app.now()} />
      <p>
        <a href={paths.audit({ articleId: c.articleId })}>{t('auditTitle')}</a>
      </p>
    </section>
  );
}
