/**
 * The widget's stylesheet, scoped by the shadow root: neutral, readable, inheriting the host
 * page's font; colours are custom properties a site can override on the container
 * (`#palabre { --palabre-accent: #b3261e }`) since custom properties cross the shadow boundary.
 * Dark colours apply with `data-color-scheme="dark"`, or `"auto"` to follow prefers-color-scheme.
 */
const DARK = `
  --pal-text: var(--palabre-text, #e8e6e3);
  --pal-muted: var(--palabre-muted, #a8a8a3);
  --pal-surface: var(--palabre-surface, #1f1f1e);
  --pal-border: var(--palabre-border, #3c3c3a);
  --pal-pending: var(--palabre-pending, #3a3220);
  --pal-accent: var(--palabre-accent, #8ab4f8);
  --pal-error: var(--palabre-error, #f28b82);
  --pal-featured: var(--palabre-featured, #e0b84a);
  --pal-featured-bg: var(--palabre-featured-bg, #3a3220);
`;

export const WIDGET_CSS = `
:host {
  --pal-accent: var(--palabre-accent, #1f5fa8);
  --pal-text: var(--palabre-text, #1d1d1b);
  --pal-muted: var(--palabre-muted, #5f6368);
  --pal-bg: var(--palabre-bg, transparent);
  --pal-surface: var(--palabre-surface, #ffffff);
  --pal-border: var(--palabre-border, #d9d9d6);
  --pal-pending: var(--palabre-pending, #fff7e0);
  --pal-pending-border: var(--palabre-pending-border, #c99a06);
  --pal-error: var(--palabre-error, #b3261e);
  --pal-featured: var(--palabre-featured, #b07d00);
  --pal-featured-bg: var(--palabre-featured-bg, #fff3cd);
  display: block;
  color: var(--pal-text);
  background: var(--pal-bg);
  font-family: var(--palabre-font, inherit);
  font-size: var(--palabre-font-size, 16px);
  line-height: 1.5;
}
@media (prefers-color-scheme: dark) {
  :host([data-color-scheme='auto']) { ${DARK} }
}
:host([data-color-scheme='dark']) { ${DARK} }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.pal-root { max-width: 760px; }
.pal-count { font-weight: 700; font-size: 1.1em; margin: 0 0 12px; }
.pal-list { list-style: none; margin: 0; padding: 0; }
.pal-replies { list-style: none; margin: 8px 0 0; padding: 0 0 0 16px; border-left: 2px solid var(--pal-border); }
.pal-replies:empty { display: none; }
.pal-comment { margin: 0 0 12px; }
.pal-card { background: var(--pal-surface); border: 1px solid var(--pal-border); border-radius: 6px; padding: 10px 14px; }
.pal-comment.pal-pending > .pal-card { background: var(--pal-pending); border: 1px dashed var(--pal-pending-border); }
.pal-meta { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; font-size: .875em; color: var(--pal-muted); }
.pal-author { font-weight: 700; color: var(--pal-text); overflow-wrap: anywhere; }
.pal-badge { font-size: .8em; font-weight: 600; padding: 1px 8px; border-radius: 10px; border: 1px solid var(--pal-pending-border); color: var(--pal-text); }
.pal-badge.pal-refused { border-color: var(--pal-error); color: var(--pal-error); }
.pal-refusal { margin: 4px 0 0; padding-left: 20px; font-size: .85em; }
.pal-body { margin: 6px 0 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
.pal-hint { font-size: .85em; color: var(--pal-muted); margin: 0; }
.pal-actions { display: flex; gap: 12px; align-items: center; font-size: .875em; }
button { font: inherit; cursor: pointer; }
button:disabled { cursor: not-allowed; opacity: .55; }
.pal-link { background: none; border: 0; padding: 2px 0; color: var(--pal-accent); text-decoration: underline; text-underline-offset: 2px; }
.pal-primary { background: var(--pal-accent); color: var(--palabre-on-accent, #fff); border: 0; border-radius: 4px; padding: 8px 18px; font-weight: 600; }
.pal-secondary { background: transparent; color: var(--pal-text); border: 1px solid var(--pal-border); border-radius: 4px; padding: 6px 14px; }
:focus-visible { outline: 3px solid var(--pal-accent); outline-offset: 2px; }
.pal-form { margin: 0 0 20px; padding: 14px; border: 1px solid var(--pal-border); border-radius: 6px; background: var(--pal-surface); }
.pal-form-title { font-weight: 700; margin: 0 0 8px; }
.pal-field { display: flex; flex-direction: column; gap: 4px; margin: 0 0 10px; }
.pal-field label { font-weight: 600; font-size: .9em; }
input[type='text'], textarea { font: inherit; color: var(--pal-text); background: var(--pal-surface); border: 1px solid var(--pal-border); border-radius: 4px; padding: 8px; width: 100%; }
textarea { min-height: 96px; resize: vertical; }
.pal-form-foot { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 8px; }
.pal-counter { font-size: .85em; color: var(--pal-muted); }
.pal-counter.pal-over { color: var(--pal-error); font-weight: 600; }
.pal-replying { font-size: .9em; color: var(--pal-muted); margin: 0 0 8px; display: flex; gap: 10px; }
.pal-alert { color: var(--pal-error); font-size: .9em; margin: 8px 0 0; }
.pal-alert:empty { display: none; }
.pal-report { margin: 8px 0 0; padding: 10px; border: 1px solid var(--pal-border); border-radius: 4px; background: var(--pal-surface); }
.pal-report fieldset { border: 0; margin: 0; padding: 0; }
.pal-report legend { font-weight: 600; font-size: .9em; margin-bottom: 4px; }
.pal-report label { display: block; font-size: .9em; padding: 2px 0; }
.pal-report-buttons { display: flex; gap: 8px; margin-top: 8px; }
.pal-thanks { color: var(--pal-muted); font-size: .875em; }
.pal-more { margin: 4px 0 12px; }
.pal-status { color: var(--pal-muted); }
.pal-closed { font-weight: 600; color: var(--pal-muted); }
.pal-root[data-closed='true'] .pal-reply { display: none; }
.pal-sort-bar { display: flex; gap: 8px; align-items: center; margin: 0 0 12px; font-size: .9em; }
.pal-sort-bar label { font-weight: 600; }
select { font: inherit; color: var(--pal-text); background: var(--pal-surface); border: 1px solid var(--pal-border); border-radius: 4px; padding: 4px 8px; }
.pal-like { display: inline-flex; gap: 6px; align-items: center; background: none; border: 1px solid var(--pal-border); border-radius: 14px; padding: 1px 10px; color: var(--pal-text); }
.pal-like[aria-pressed='true'] { border-color: var(--pal-accent); color: var(--pal-accent); font-weight: 600; }
.pal-like-count:empty { display: none; }
.pal-badge.pal-staff { border-color: var(--pal-accent); color: var(--pal-accent); }
.pal-badge.pal-featured { border-color: var(--pal-featured, #b07d00); color: var(--pal-text); background: var(--pal-featured-bg, #fff3cd); }
.pal-is-featured > .pal-card { border-color: var(--pal-featured, #b07d00); border-width: 2px; }
.pal-sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;
