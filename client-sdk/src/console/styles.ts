/** The console's stylesheet: readable on small laptops, visible focus, colour plus text for levels. */
export const CONSOLE_CSS = `
:root { color-scheme: light; --accent: #1d4ed8; --border: #d4d4d8; --muted: #52525b; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #18181b; background: #f4f4f5; }
#palabre-console { max-width: 60rem; margin: 0 auto; padding: 0 1rem 3rem; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
button { font: inherit; padding: .35rem .8rem; border: 1px solid var(--border); border-radius: .4rem; background: #fff; cursor: pointer; }
button:hover { background: #f4f4f5; }
button.primary, .approve { background: #15803d; border-color: #15803d; color: #fff; }
a.button { display: inline-block; text-align: center; text-decoration: none; padding: .55rem .9rem; border-radius: 6px; }
a.button.primary { background: #15803d; color: #fff; }
.site-choice button { display: block; width: 100%; margin-top: .5rem; }
.reject { background: #b91c1c; border-color: #b91c1c; color: #fff; }
.ban { background: #3f3f46; border-color: #3f3f46; color: #fff; }
input[type=text], input[type=password], select, textarea { font: inherit; padding: .35rem .5rem; border: 1px solid #a1a1aa; border-radius: .4rem; width: 100%; }
select { width: auto; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; padding: .75rem 0; border-bottom: 1px solid var(--border); }
.top h1 { font-size: 1.15rem; margin: 0; flex: 1 1 auto; }
.top p { margin: 0; }
.presence .names { font-weight: 600; }
.offline { color: #b45309; }
.tools { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
[role=tablist] { display: flex; flex-wrap: wrap; gap: .25rem; margin: .75rem 0; }
[role=tab] { border-radius: .4rem .4rem 0 0; }
[role=tab][aria-selected=true] { background: var(--accent); border-color: var(--accent); color: #fff; }
[role=tab] .count { display: inline-block; min-width: 1.5em; padding: 0 .3em; border-radius: 1em; background: rgba(0,0,0,.1); text-align: center; }
.notice { padding: .5rem .75rem; border-radius: .4rem; margin-bottom: .75rem; display: flex; justify-content: space-between; align-items: center; }
.notice.info { background: #dbeafe; }
.notice.warning { background: #fef3c7; border: 1px solid #d97706; }
.notice.error { background: #fee2e2; border: 1px solid #b91c1c; }
.notice .dismiss { padding: 0 .5rem; }
.arrivals { min-height: 1.5em; margin: 0; color: var(--muted); }
.attack-banner { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: .6rem .9rem; margin: .5rem 0; background: #7f1d1d; color: #fff; border-radius: .4rem; }
.waves { border: 2px solid #d97706; border-radius: .5rem; padding: .5rem .9rem; margin-bottom: .75rem; }
.waves h2 { font-size: 1rem; margin: .25rem 0 .5rem; }
.waves ul { list-style: none; margin: 0; padding: 0; display: grid; gap: .6rem; }
.wave-sample { margin: 0 0 .25rem; padding-left: .6rem; border-left: 3px solid #d97706; white-space: pre-wrap; max-height: 4.5em; overflow: hidden; }
.wave-size { margin: 0 0 .35rem; color: var(--muted); }
.cards { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem; }
.card { background: #fff; border: 1px solid var(--border); border-radius: .5rem; padding: .75rem 1rem; cursor: pointer; }
.card.selected { border: 2px solid var(--accent); box-shadow: 0 0 0 3px rgba(29,78,216,.2); }
.card header { display: flex; gap: .75rem; align-items: baseline; }
.card h2 { font-size: 1rem; margin: 0; }
.card h3 { font-size: .85rem; margin: .5rem 0 .25rem; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
.card time, .history, .article { color: var(--muted); font-size: .9rem; margin: .25rem 0; }
.body { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1.05rem; margin: .5rem 0; }
mark { background: #fde047; color: inherit; padding: 0 .1em; border-radius: .2em; outline: 1px solid #ca8a04; }
mark.severe { background: #fecaca; outline: 2px solid #b91c1c; font-weight: 600; }
.severe[role=note] { margin: .4rem 0; padding: .3rem .6rem; border-left: 4px solid #b91c1c; background: #fef2f2; color: #7f1d1d; font-weight: 600; }
.badges { list-style: none; display: flex; flex-wrap: wrap; gap: .35rem; padding: 0; margin: .5rem 0; }
.badge { font-size: .8rem; padding: .1rem .5rem; border-radius: 1em; border: 1px solid; }
.badge.low { background: #dcfce7; border-color: #15803d; color: #14532d; }
.badge.medium { background: #fef3c7; border-color: #b45309; color: #78350f; }
.badge.high { background: #fee2e2; border-color: #b91c1c; color: #7f1d1d; font-weight: 600; }
.reasons ul, .reports ul { margin: 0; padding-left: 1.2rem; }
.reasons code { font-size: .8rem; color: var(--muted); }
.claim { background: #ede9fe; border-radius: .4rem; padding: .2rem .5rem; display: inline-block; margin: .25rem 0; }
.banned { color: #b91c1c; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .5rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.empty { color: var(--muted); padding: 2rem 0; text-align: center; }
.sign-in-page { max-width: 26rem; margin: 4rem auto; }
.sign-in { background: #fff; border: 1px solid var(--border); border-radius: .5rem; padding: 1.5rem; display: grid; gap: .75rem; }
.sign-in h1 { font-size: 1.25rem; margin: 0; }
.field { display: grid; gap: .25rem; }
.hint { color: var(--muted); font-size: .85rem; margin: 0; }
.error, .field-error { color: #b91c1c; margin: 0; }
.modal { border: 1px solid var(--border); border-radius: .5rem; padding: 1.25rem; min-width: min(26rem, 90vw); }
.modal::backdrop { background: rgba(0,0,0,.4); }
.modal h2 { margin-top: 0; font-size: 1.1rem; }
.modal fieldset { border: 1px solid var(--border); border-radius: .4rem; margin: 0 0 .75rem; }
.modal label { display: block; margin: .5rem 0 .25rem; }
.choice { display: flex; gap: .5rem; align-items: center; }
.choice label { margin: .15rem 0; }
.dialog-buttons { display: flex; justify-content: flex-end; gap: .5rem; margin-top: 1rem; }
.keys { display: grid; grid-template-columns: auto 1fr; gap: .35rem 1rem; }
.keys dd { margin: 0; }
kbd { font: .9rem ui-monospace, monospace; border: 1px solid #a1a1aa; border-bottom-width: 2px; border-radius: .3rem; padding: 0 .4rem; background: #fafafa; }
.tag { font-size: .8rem; font-weight: 600; margin-left: .35rem; }
.tag.featured { color: #8a6100; }
.tag.staff { color: #1d4ed8; }
button.feature[aria-pressed='true'] { background: #fff3cd; border-color: #b07d00; }
`;
