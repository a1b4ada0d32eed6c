import { writeFileSync } from 'node:fs';
import type { SpamStack } from '../../workers/scoring/spam/spam-stack.js';
import type { FrenchSpamFigures } from './french-spam-evaluation.js';

interface PrecisionRecall { precision: number; recall: number; f1: number }

/** What one `npm run train:spam` measured. */
export interface SpamCardFacts {
  date: string;
  rows: number;
  trainSeconds: number;
  loso: Array<{ source: string; n: number; positives: number; base: number; stacked: number }>;
  calibration: { platt: { a: number; b: number }; ceiling: number; prior: number; streamEce: number; ece: number; streamPrf: PrecisionRecall; prf: PrecisionRecall; pooledAuc: number };
  stack: SpamStack;
  french: FrenchSpamFigures[];
  bench?: { date: string; commentChars: number; checks: number; medianMs: number; p99Ms: number; lexiconMedianMs: number; spamScorerMedianMs?: number; regionalSpamMedianMs?: number; loadAverage?: number } | undefined;
}

const f3 = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));

function frenchRows(french: readonly FrenchSpamFigures[]): string[] {
  const rows = french.map((f) =>
    `| ${f.split} | ${f.spam} | ${f.legitimate} | ${f3(f.precision)} | ${f3(f.recall)} | ${f.falsePositives} (${((100 * f.falsePositives) / f.legitimate).toFixed(1)} %) | ${f.legitContactFalsePositives} of ${f.legitContactCases} | ${f3(f.auc)} |`);
  const kinds = french.map((f) =>
    `- ${f.split}: recall by family ${Object.entries(f.recallByKind).map(([k, v]) => `${k} ${v.caught}/${v.of}`).join(', ')}; legitimate comments held by kind ${Object.entries(f.falsePositivesByKind).map(([k, v]) => `${k} ${v.flagged}/${v.of}`).join(', ')}.`);
  return [
    '| split | spam | legitimate | precision | recall | false positives | of them, legitimate phone or e-mail | ROC-AUC |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    ...kinds,
  ];
}

/** Writes models/spam-v3.md from the figures of the training run. */
export function writeSpamCard(path: string, facts: SpamCardFacts): void {
  const { loso, calibration: cal, stack } = facts;
  const dataset = loso.filter((s) => s.source !== 'palabre-fr-written');
  const mean = (pick: (s: (typeof loso)[number]) => number) => dataset.reduce((a, s) => a + pick(s), 0) / dataset.length;
  const lines = [
    '# Palabre built-in spam classifier, v3',
    '',
    `File: \`models/spam-v3.json\` · trained ${facts.date} by \`npm run train:spam\` (${facts.trainSeconds.toFixed(0)} s on this machine, LOSO runs included) · loaded by \`workers/scoring/model/linear-scorer.ts\` (the n-gram model) and \`workers/scoring/spam/\` (the regional stack), served as \`spamScorer\` (\`workers/scoring/built-in-scorers.ts\`).`,
    '',
    '## What it does',
    '',
    'Scores a comment for `spam`, a probability in 0..1 calibrated to a news comment stream where 5 % of comments are spam, with the raw-text spans that raised it. v3 adds the spam of French-language news sites of West Africa and the Sahel: loan and investment scams, marabouts and "retour de l\'être aimé", WhatsApp and Telegram numbers and links, crypto schemes, lotteries and prizes, e-mail addresses written out or spelled ("arobase", "[at]"). A span names what it is: `loan offer`, `investment promise`, `marabout or medium advert`, `occult service`, `crypto scheme`, `prize or lottery`, `easy money`, `invitation to contact`, `WhatsApp or Telegram number`, `WhatsApp or Telegram link`, `phone number`, `e-mail address`, `spelled-out e-mail address`.',
    '',
    '## Training data and licences (credited here; no dataset row is shipped or committed)',
    '',
    '- Alberto, Lochter, Almeida (2015), YouTube Spam Collection (UCI; Psy, Katy Perry, LMFAO videos): CC BY 4.0. Sources `youtube-psy`, `youtube-katyperry`, `youtube-lmfao`.',
    '- Almeida, Gómez Hidalgo (2011), SMS Spam Collection (UCI): CC BY 4.0. Source `sms`.',
    '- `palabre-fr-written`: 162 French comments written for this project (`training/spam-fr-written.jsonl`, 58 regional scams, 104 legitimate, among them comments that give a phone number or an e-mail for a good reason, budget figures, debates on loans and crypto, marabouts as culture). Project licence (MIT). None of them is in the test set.',
    '- 880 civil comments written for this project (`training/neutral-group-comments.ts`), labelled acceptable, a quarter of one source.',
    '- Phone numbers are validated with `libphonenumber-js` 1.13.18 (MIT; metadata from Google\'s libphonenumber, Apache-2.0).',
    '',
    `${facts.rows} rows in all. Every source weighs the same and the two classes weigh the same inside each source.`,
    '',
    '## Method',
    '',
    '1. **n-gram model** (as v2): logistic regression over hashed character and word n-grams and the 26 lexicon and spam-signal features of `workers/scoring/model/lexicon-features.ts`, AdaGrad, class- and source-balanced (`SPAM_OPTIONS`, `training/training-options.ts`). Platt scaling on its leave-one-source-out margins, weighted as a 5 % spam stream.',
    '2. **Regional stack** (`workers/scoring/spam/`): a second logistic layer over logit(p) of the n-gram model and 15 regional features — 9 families of folded-text patterns (`regional-scam-phrases.ts`), 5 kinds of contact handle (`contact-handles.ts`: phone numbers read by a regex and validated by libphonenumber for Mali, Burkina Faso, Niger, Côte d\'Ivoire, Senegal, Togo, Benin, Guinea, Cameroon, Mauritania, Chad and France, or any country with `+`/`00`; thousands-grouped amounts and numbers followed by a currency are not phones; WhatsApp/Telegram links; e-mail addresses, free-mail ones counting more; spelled addresses), and `scam_with_contact` (a scam family and a way to reach the scammer in one comment). It is fitted on the n-gram model\'s held-out probabilities, weighted as a 5 % spam stream, so its output is that stream\'s probability. Weights start at a domain prior and are pulled back toward it (L2), and have a sign: scam families, chat numbers and links never lower the score; `legit_context` (a lost child, police, pompiers, numéro vert, an NGO, the newsroom, a campaign office, a warning against scams) never raises it; a plain phone number or an organisation\'s e-mail may go either way (`training/spam/fit-spam-stack.ts`).',
    '3. **Ceiling**: the stacked score is capped at the stream-weighted share of spam among held-out calls scored ≥ 0.8.',
    '',
    '## Leave-one-source-out ROC-AUC (trained without the source, both stages)',
    '',
    '| held-out source | rows | positives | n-gram model | v3 (with the regional stack) |',
    '|---|---|---|---|---|',
    ...loso.map((s) => `| ${s.source} | ${s.n} | ${s.positives} | ${f3(s.base)} | **${f3(s.stacked)}** |`),
    `| mean of the four dataset sources | | | ${f3(mean((s) => s.base))} | **${f3(mean((s) => s.stacked))}** |`,
    '',
    'v2 (n-gram model only, no French rows) had 0.987, 0.974, 0.975, 0.924: mean 0.965. The n-gram model gains on SMS (0.924 → 0.961) from the written French rows, whose scams carry phone numbers and e-mail addresses as SMS spam does.',
    '',
    'Command: `npm run train:spam`. The stack of each fold is fitted without that source, on held-out n-gram probabilities of the other sources (whose n-gram models did see the left-out source: a small leak into 17 stack weights). `palabre-fr-written` left out means: the n-gram model trained on English spam only, and the French family weights resting on their prior and on what English spam teaches.',
    '',
    '## French regional spam test set (written for this project, never trained on)',
    '',
    '`tests/fixtures/spam-fr-region.jsonl`: 623 comments in the wording of Malian, Burkinabè, Nigerien, Senegalese, Ivorian and Beninese news sites, in four splits, each committed before it was first scored:',
    '',
    '- `heldout` (60 spam, 215 legitimate): written and committed before any pattern was tuned, never looked at while tuning.',
    '- `dev` (45 spam, 102 legitimate): looked at while tuning.',
    '- `stress` (40 spam, 70 legitimate): written after the first v3 in wordings its patterns were not written for (spelled-out digits, scams with no contact, shops, fake scholarships). Scored once by that first v3: **precision 0.963, recall 0.650, 1 false positive of 70** (a call for blood donors). Its misses were then looked at and the patterns widened, so it counts as dev now.',
    '- `fresh` (30 spam, 61 legitimate): written after those changes, never tuned on: **the most honest figure of what v3 does on wordings it has not seen.**',
    '',
    'All four were written by the team that wrote the patterns. At the hold threshold 0.5:',
    '',
    ...frenchRows(facts.french),
    '',
    'Command: `npm run eval:spam-fr` (the same figures; it lists the ids of the misses and of the legitimate comments held). The `heldout` and `fresh` splits are also a test with a recall floor and a false-positive ceiling (`tests/unit/spam/french-spam-heldout.test.ts`).',
    '',
    '## Calibration (pooled held-out LOSO predictions of the stacked model)',
    '',
    `n-gram Platt a = ${cal.platt.a.toFixed(4)}, b = ${cal.platt.b.toFixed(4)}; stack bias ${stack.bias.toFixed(3)}, weight of the n-gram logit ${stack.baseWeight.toFixed(3)}; ceiling ${f3(cal.ceiling)}. Expected calibration error (10 bins): ${f3(cal.streamEce)} on rows weighted as a ${Math.round(cal.prior * 100)} % spam stream, ${f3(cal.ece)} on raw rows. At 0.5: precision ${f3(cal.streamPrf.precision)}, recall ${f3(cal.streamPrf.recall)} on the weighted stream; precision ${f3(cal.prf.precision)}, recall ${f3(cal.prf.recall)} on raw rows. Pooled AUC ${f3(cal.pooledAuc)}.`,
    '',
    '| regional feature | weight |',
    '|---|---|',
    ...stack.features.map((f, k) => `| ${f} | ${stack.weights[k]!.toFixed(3)} |`),
    '',
    '## Speed',
    '',
    ...(facts.bench
      ? [`\`npm run bench:classifiers\` (${facts.bench.date}, on a shared 2-core machine under load from other work, so figures vary by ±50 % between runs): all ${facts.bench.checks} built-in checks on a ${facts.bench.commentChars}-character French comment: median ${facts.bench.medianMs.toFixed(3)} ms, p99 ${facts.bench.p99Ms.toFixed(3)} ms per comment (the issue\'s aim: 0.2 ms median), with a load average of ${facts.bench.loadAverage?.toFixed(1) ?? '?'} on 2 cores; in the same run the checks with the old lexicon scorers took ${facts.bench.lexiconMedianMs.toFixed(3)} ms, the spam scorer alone ${facts.bench.spamScorerMedianMs?.toFixed(3) ?? '?'} ms (it scores the n-gram models the toxicity check shares), and the regional spam features alone ${facts.bench.regionalSpamMedianMs?.toFixed(3) ?? '?'} ms. The lexicon-scorer line measured 0.023 ms on 2026-11-29 (v2 card) on a quieter machine: under a load like this one every figure is several times its value on an idle core, so read the ratios, not the absolute figures.`]
      : ['Run `npm run bench:classifiers`.']),
    '',
    '## Known limits',
    '',
    '- There is still no labelled French spam set: the French figures come from comments written by the same team that wrote the patterns. The `stress` and `fresh` splits show what that means: 0.650 and 0.867 recall on wordings the patterns were not written for, against 1.000 on `heldout`. Expect lower recall on real scams worded in ways we did not think of (a scam with no contact, digits spelled in words, plain shops), and on Nouchi, Wolof or Bambara code-switching.',
    '- `legit_context` words can be borrowed by a spammer ("ONG", "association"): a scam that dresses as a charity gets through more easily. The words a scam itself uses ("pas d\'arnaque") do not count.',
    '- Phone validation follows libphonenumber\'s number plans: a number of a plan it does not know, or digits spelled in words, are not read as phones.',
    '- The stack weights and the patterns were compared on the dev (and, later, stress) splits and on these LOSO figures: treat those as optimistic; `heldout` and above all `fresh` are the honest figures.',
  ];
  writeFileSync(path, `${lines.join('\n')}\n`);
}
