import { useState } from 'preact/hooks';
import { isHttpError } from '../../errors.js';
import { useConsole } from '../console-context.js';
import { askBan } from '../decision-dialogs.js';
import { dateTime, t, type MessageKey } from '../i18n.js';
import { usePageKeys } from '../page-keys.js';
import { useLoad } from '../use-load.js';
import { CommentList, listKeys } from './comment-list.js';

/** The moderators' notes about the author: shared by the site's moderators, erased with the author. */
function Notes(props: { authorId: string }) {
  const { app } = useConsole();
  const path = { siteId: app.state.session.siteId, authorId: props.authorId };
  const notes = useLoad(() => app.client.api.listAuthorNotes({ path }), [props.authorId]);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const add = async (e: Event) => {
    e.preventDefault();
    try {
      await app.client.api.addAuthorNote({ path, body: { text } });
      setText('');
      setError('');
      notes.reload();
    } catch (err) {
      setError(isHttpError(err) ? err.message : (err as Error).message);
    }
  };
  const remove = async (noteId: string) => {
    await app.client.api.deleteAuthorNote({ path: { ...path, noteId } }).catch((err: Error) => app.notify(t('failed', { message: err.message }), 'error'));
    notes.reload();
  };
  return (
    <section class="notes" aria-labelledby="notes-title">
      <h3 id="notes-title">{t('notes')}</h3>
      {notes.data?.notes.length ? (
        <ul class="note-list">
          {notes.data.notes.map((n) => (
            <li key={n.id} data-note-id={n.id}>
              <p class="note-text">{n.text}</p>
              <p class="hint">{t('noteBy', { name: n.by.name ?? n.by.id, date: dateTime(n.at) })}</p>
              <button type="button" class="delete-note" onClick={() => void remove(n.id)}>
                {t('deleteNote')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{notes.loading ? t('loading') : t('noNotes')}</p>
      )}
      <form class="note-form" onSubmit={(e) => void add(e)}>
        <label for="new-note">{t('newNote')}</label>
        <textarea id="new-note" rows={3} maxLength={2000} required value={text} aria-describedby="note-hint note-error" onInput={(e) => setText(e.currentTarget.value)} />
        <p class="hint" id="note-hint">
          {t('noteHint')}
        </p>
        <p class="field-error" role="alert" id="note-error">
          {error}
        </p>
        <button type="submit" class="primary">
          {t('addNote')}
        </button>
      </form>
    </section>
  );
}

/** The author panel: history, reports, ban state (ban, lift), notes, and their comments in every status. */
export function AuthorPage(props: { authorId: string }) {
  const { app } = useConsole();
  const siteId = app.state.session.siteId;
  const [chosen, setChosen] = useState(0);
  const profile = useLoad(() => app.client.author(siteId, props.authorId), [props.authorId]);
  const comments = useLoad(() => app.client.queue(siteId, 'all', { authorId: props.authorId, limit: 100 }), [props.authorId, profile.data]);
  const a = profile.data?.author;
  const ban = async () => {
    if (!a) return;
    const choice = await askBan(a.name);
    if (!choice) return;
    try {
      const res = await app.client.ban(siteId, a.id, choice);
      app.notify(t('banned', { count: res.rejected }));
      profile.reload();
    } catch (err) {
      app.notify(t('failed', { message: (err as Error).message }), 'error');
    }
  };
  const unban = async () => {
    await app.client.api.unbanAuthor({ path: { siteId, authorId: props.authorId } });
    app.notify(t('unbanned'));
    profile.reload();
  };
  usePageKeys([
    { keys: 'b', label: 'keyB', run: () => void ban() },
    { keys: 'n', label: 'keyNote', run: () => document.getElementById('new-note')?.focus() },
    ...listKeys(comments.data?.comments.length ?? 0, chosen, setChosen),
  ]);
  if (profile.error) return <p class="error" role="alert">{profile.code === 'author_not_found' ? t('notFound') : t('failed', { message: profile.error })}</p>;
  if (!a) return <p class="empty">{t('loading')}</p>;
  const banState = !a.banned ? t('notBanned') : a.bannedUntil ? t('bannedUntil', { date: dateTime(a.bannedUntil) }) : t('bannedForever');
  return (
    <section class="page author-view" aria-labelledby="author-title">
      <h2 id="author-title">{t('authorTitle', { name: a.name || a.id })}</h2>
      <dl class="facts">
        <div>
          <dt>{t('authorKind')}</dt>
          <dd>{t(`k_${a.kind}` as MessageKey)}</dd>
        </div>
        <div>
          <dt>{t('history')}</dt>
          <dd>
            {a.firstSeenAt ? t('firstSeenOn', { date: dateTime(a.firstSeenAt) }) : t('never')}
            {' · '}
            {t('commentsCount', { count: a.comments })}
            {' · '}
            {t('authorCounts', { approved: a.approved, rejected: a.rejected, reported: a.reported })}
          </dd>
        </div>
        <div>
          <dt>{t('reports')}</dt>
          <dd class="reports-received">{t('reportsReceived', { count: a.reported })}</dd>
        </div>
        <div>
          <dt>{t('banState')}</dt>
          <dd class="ban-state">
            {banState}
            {a.banned && a.banReason ? ` — ${t('banReason', { reason: a.banReason })}` : ''}
            {a.premoderated ? ` · ${t('premoderated')}` : ''}
          </dd>
        </div>
      </dl>
      <div class="actions">
        {a.banned ? (
          <button type="button" onClick={() => void unban()}>
            {t('unban')}
          </button>
        ) : (
          <button type="button" class="ban" aria-keyshortcuts="b" onClick={() => void ban()}>
            {t('ban')}
          </button>
        )}
      </div>
      <Notes authorId={a.id} />
      <h3>{t('allComments')}</h3>
      <CommentList page={comments.data} loading={comments.loading} chosen={chosen} />
    </section>
  );
}
