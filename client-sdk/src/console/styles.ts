/** The console's stylesheet: readable on small laptops and phones (390 px), visible focus, colour plus text for levels. */
export const CONSOLE_CSS = `
:root { color-scheme: light; --accent: #1d4ed8; --border: #d4d4d8; --muted: #52525b; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #18181b; background: #f4f4f5; }
#palabre-console { max-width: 72rem; margin: 0 auto; padding: 0 1rem 3rem; }
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

a { color: var(--accent); }
nav.pages ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem .5rem; margin: .5rem 0; padding: 0; }
nav.pages a { display: inline-block; padding: .3rem .7rem; border-radius: .4rem; text-decoration: none; border: 1px solid var(--border); background: #fff; }
nav.pages a[aria-current=page] { background: var(--accent); border-color: var(--accent); color: #fff; }
.page h2 { font-size: 1.15rem; margin: .75rem 0; }
.page h3, .settings h3, .simulator h3, .moderators h3 { font-size: 1rem; margin: 1rem 0 .5rem; }
.filters, .queue-tools { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .5rem .75rem; margin: .5rem 0; }
.field.inline { display: flex; flex-direction: column; gap: .2rem; }
.field.inline.grow { flex: 1 1 12rem; }
input[type=date], input[type=number], input[type=search], input[type=url] { font: inherit; padding: .35rem .5rem; border: 1px solid #a1a1aa; border-radius: .4rem; max-width: 100%; }
input[type=number] { width: 6.5rem; }
input[type=search], input[type=url] { width: 100%; }
[aria-invalid=true] { border-color: #b91c1c !important; outline: 2px solid #fecaca; }
.bulk-bar { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem .75rem; }
.bulk-bar .choice { margin: 0; }
.card header { flex-wrap: wrap; }
.card .tick { width: 1.2rem; height: 1.2rem; margin: 0; align-self: center; }
.card.ticked { background: #eff6ff; }
.card-links { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: .25rem 0 0; font-size: .85rem; }
.tag.section { color: var(--muted); }
.status { font-size: .8rem; padding: 0 .4rem; border-radius: 1em; border: 1px solid var(--border); }
.status.s-held { background: #fef3c7; } .status.s-rejected { background: #fee2e2; } .status.s-approved { background: #dcfce7; }
.table-box { max-width: 100%; overflow-x: auto; margin: .5rem 0; }
table { border-collapse: collapse; background: #fff; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--border); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f4f4f5; }
tr.chosen { outline: 2px solid var(--accent); }
.totals dl { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .5rem; margin: .5rem 0; }
.totals dl > div { background: #fff; border: 1px solid var(--border); border-radius: .5rem; padding: .5rem .75rem; }
.totals dt { color: var(--muted); font-size: .8rem; }
.totals dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
.chart { margin: 1rem 0; background: #fff; border: 1px solid var(--border); border-radius: .5rem; padding: .5rem .75rem; min-width: 0; }
.chart-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5rem; }
.chart-head h3 { margin: 0; }
.chart-box { width: 100%; min-height: 220px; overflow: hidden; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .5rem; }
.facts > div { background: #fff; border: 1px solid var(--border); border-radius: .5rem; padding: .4rem .75rem; }
.facts dt { color: var(--muted); font-size: .8rem; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.notes, .simulator, .moderators, .policy-form { background: #fff; border: 1px solid var(--border); border-radius: .5rem; padding: .5rem 1rem 1rem; margin: 1rem 0; }
.note-list { list-style: none; padding: 0; display: grid; gap: .5rem; }
.note-list li { border-left: 3px solid var(--accent); padding-left: .6rem; }
.note-text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
.note-form textarea { width: 100%; }
.policy-form fieldset { border: 1px solid var(--border); border-radius: .4rem; margin: .75rem 0; min-width: 0; }
.policy-form textarea { width: 100%; font: inherit; }
.webhook.removed { opacity: .5; }
.events { display: flex; flex-wrap: wrap; gap: .25rem .75rem; }
.issues { border: 1px solid #b91c1c; background: #fef2f2; border-radius: .4rem; padding: .25rem .75rem; }
.inline-form { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; margin: .5rem 0; }
.inline-form input[type=text] { width: auto; flex: 1 1 10rem; }
.token-once { background: #fef9c3; border: 1px solid #ca8a04; border-radius: .4rem; padding: .5rem .75rem; display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.token-once input { font-family: ui-monospace, monospace; flex: 1 1 100%; }
.moves { display: grid; gap: .5rem; padding-left: 1.2rem; }
.moves blockquote { margin: .2rem 0; white-space: pre-wrap; overflow-wrap: anywhere; color: var(--muted); }
.keys-section h3 { font-size: .9rem; }
.modal section h3 { font-size: .95rem; margin: .75rem 0 .25rem; }
/* a phone held upright (390 px): everything wraps, nothing makes the page scroll sideways */
@media (max-width: 600px) {
  #palabre-console { padding: 0 .5rem 2rem; }
  .top { gap: .4rem .6rem; }
  .top h1 { flex-basis: 100%; font-size: 1.05rem; }
  .tools button, .tools select { font-size: .85rem; padding: .3rem .5rem; }
  .card { padding: .6rem .7rem; }
  [role=tab] { padding: .3rem .5rem; font-size: .9rem; }
  .actions button { flex: 1 1 auto; }
  .modal { padding: .9rem; }
  .field.inline { flex: 1 1 100%; }
  .field.inline select, .field.inline input { width: 100%; }
}
/* uPlot's own stylesheet (uPlot, MIT, Leon Sorokin), the rules the console's charts use */
.uplot, .uplot *, .uplot *::before, .uplot *::after { box-sizing: border-box; }
.uplot { font-family: inherit; line-height: 1.5; width: min-content; }
.u-wrap { position: relative; user-select: none; }
.u-over, .u-under { position: absolute; }
.u-under { overflow: hidden; }
.uplot canvas { display: block; position: relative; width: 100%; height: 100%; }
.u-axis { position: absolute; }
.u-legend { font-size: 13px; margin: auto; text-align: center; }
.u-inline { display: block; }
.u-inline * { display: inline-block; }
.u-inline tr { margin-right: 16px; }
.u-legend th { font-weight: 600; border: 0; background: none; }
.u-legend td { border: 0; }
.u-legend th > * { vertical-align: middle; display: inline-block; }
.u-legend .u-marker { width: 1em; height: 1em; margin-right: 4px; background-clip: padding-box !important; }
.u-inline:not(.u-live) .u-value { display: none; }
.u-series > * { padding: 4px; }
.u-series th { cursor: pointer; }
.u-legend .u-off > * { opacity: .3; }
.u-select { background: rgba(0,0,0,.07); position: absolute; pointer-events: none; }
.u-cursor-x, .u-cursor-y { position: absolute; left: 0; top: 0; pointer-events: none; will-change: transform; }
.u-hz .u-cursor-x, .u-vt .u-cursor-y { height: 100%; border-right: 1px dashed #607D8B; }
.u-hz .u-cursor-y, .u-vt .u-cursor-x { width: 100%; border-bottom: 1px dashed #607D8B; }
.u-cursor-pt { position: absolute; top: 0; left: 0; border-radius: 50%; border: 0 solid; pointer-events: none; will-change: transform; background-clip: padding-box !important; }
.u-axis.u-off, .u-select.u-off, .u-cursor-x.u-off, .u-cursor-y.u-off, .u-cursor-pt.u-off { display: none; }
`;
