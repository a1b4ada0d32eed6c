import { writeFileSync } from 'node:fs';
import { HASH_BITS } from '../workers/scoring/model/feature-hash.js';
import { LEXICON_FEATURES } from '../workers/scoring/model/lexicon-features.js';

interface PrecisionRecall { precision: number; recall: number; f1: number }

/** Figures the training run measured, turned into a model card. */
export interface CardFacts {
  kind: 'toxicity' | 'spam';
  version: string;
  date: string;
  loso: Array<{ source: string; n: number; positives: number; auc: number; baselines: Record<string, number> }>;
  calibration: { platt: { a: number; b: number }; ceiling: number; ece: number; bins: Array<{ bin: string; n: number; meanP: number; rate: number }>; prior: number; streamEce: number; streamBins: Array<{ bin: string; n: number; meanP: number; rate: number }>; prf: PrecisionRecall; streamPrf: PrecisionRecall; pooledAuc: number };
  subAttributes: Array<{ attribute: string; positives: number; auc: number; ece: number }>;
  rows: number;
  neutral: number;
  trainSeconds: number;
  learning?: { date: string; results: Array<{ source: string; site?: string; lessons: number; testRows: number; rate?: number; before: number; after: number }> } | undefined;
  bench?: { date: string; commentChars: number; checks: number; medianMs: number; p99Ms: number; lexiconMedianMs: number; scorerMedianMs: number; scorerP99Ms: number } | undefined;
}

const f3 = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));
const pct = (x: number) => `${Math.round(x * 100)} %`;

const SOURCES = {
  toxicity: [
    '- Jigsaw Toxic Comment Classification (Wikipedia talk comments): labels CC0; comment text from Wikipedia talk pages, CC BY-SA 3.0. Source `jigsaw`.',
    '- Davidson, Warmsley, Macy, Weber (2017), "Automated Hate Speech Detection and the Problem of Offensive Language" (tweets; hate or offensive = 1): MIT. Source `davidson`.',
    '- Ousidhoum et al. (2019), MLMA multilingual hate speech, French tweets (HKUST-KnowComp; any hostility = 1): MIT. Source `mlma`.',
    '- FTR French hate-speech rows: MIT. Source `ftr`.',
  ],
  spam: [
    '- Alberto, Lochter, Almeida (2015), YouTube Spam Collection (UCI; Psy, Katy Perry, LMFAO videos): CC BY 4.0. Sources `youtube-psy`, `youtube-katyperry`, `youtube-lmfao`.',
    '- Almeida, Gómez Hidalgo (2011), SMS Spam Collection (UCI): CC BY 4.0. Source `sms`.',
  ],
};

/** Writes the model card (markdown) of one shipped model file. */
export function writeModelCard(path: string, facts: CardFacts): void {
  const { kind, version, date, loso, calibration: cal } = facts;
  const mean = loso.reduce((a, s) => a + s.auc, 0) / loso.length;
  const baselineNames = Object.keys(loso[0]?.baselines ?? {});
  const meanOf = (b: string) => loso.reduce((a, s) => a + (s.baselines[b] ?? 0), 0) / loso.length;
  const lines = [
    `# Palabre built-in ${kind} classifier, v${version}`,
    '',
    `File: \`models/${kind}-v${version}.json\` · trained ${date} by \`npm run train\` (${facts.trainSeconds.toFixed(0)} s on this machine, LOSO runs included) · loaded by \`workers/scoring/model/linear-scorer.ts\` (\`builtInScorer\`).`,
    '',
    '## What it does',
    '',
    kind === 'toxicity'
      ? 'Scores a comment (French or English) for `toxicity`, and for `insult`, `threat`, `identity_attack` and `profanity`, each a calibrated probability in 0..1, with the raw-text spans that raised each score.'
      : 'Scores a comment for `spam`, a calibrated probability in 0..1, with the raw-text spans (links, phone numbers, money and self-promotion phrases, n-grams) that raised it.',
    '',
    '## Training data and licences (credited here; no row is shipped or committed)',
    '',
    ...SOURCES[kind],
    `- ${facts.neutral} civil comments written for this project (\`training/neutral-group-comments.ts\`): sentences naming groups (Islam, women, the veil, Africans, migrants, France…) and harsh but civil political criticism, all labelled acceptable, counted as ${kind === 'toxicity' ? 'half' : 'a quarter'} of one source.`,
    '',
    `${facts.rows} dataset rows in all. Every source weighs the same and the two classes weigh the same inside each source, so Davidson\'s 24k mostly-offensive tweets do not dominate.`,
    '',
    '## Word lists (features only; credited)',
    '',
    '- Palabre\'s own lexicons in `workers/scoring/` (LEXICON_FR, LEXICON_EN, dehumanisation patterns, spam phrases and signals) and extra threat patterns in `workers/scoring/model/threat-patterns.ts`.',
    '- `naughty-words` 1.2.0 (List of Dirty, Naughty, Obscene and Otherwise Bad Words, LDNOOBW): CC BY 4.0.',
    '- `french-badwords-list` 1.0.7 (Christophe Roger): MIT; its words come from Wiktionary\'s French insults category, CC BY-SA.',
    '- `@2toad/profanity` 3.3.0: MIT; its French list is machine-translated, so only entries built on a word the two lists above confirm are used.',
    '- Ambiguous everyday words and every group name are removed from all lists (`workers/scoring/model/word-lists.ts`).',
    '',
    '## Method',
    '',
    '- Text folded by `normalizeForMatching` (case, accents, leetspeak, homoglyphs, zero-width, spaced letters, elisions).',
    `- Features: character 2–4-grams inside word boundaries, words and word pairs, hashed into 2^${HASH_BITS} buckets (unit-length scaled), plus ${LEXICON_FEATURES.length} lexicon features: ${LEXICON_FEATURES.join(', ')}.`,
    '- Identity guard: group names (`workers/scoring/model/identity-terms.ts`: islam*, musulman*, femmes, voile, France, noirs, africains, juifs, immigrés…) produce no feature of their own; they appear only as a `<group>` placeholder inside word pairs ("sales <group>"). Plus the neutral group comments above as negatives. Training text is cleaned of collection artefacts (mojibake in FTR, HTML entities, `@user`/`@url`/`LINK` placeholders, "RT").',
    kind === 'toxicity'
      ? '- Model: logistic regression, AdaGrad SGD (4 epochs, step 0.2, L2 3e-3 on n-grams, 1e-6 on lexicon features), class- and source-balanced weights, n-gram features scaled NB-SVM style by the square root of their log-count ratio while training (folded into the weights, so scoring costs nothing more). Pure TypeScript, no native dependency.'
      : '- Model: logistic regression, AdaGrad SGD (4 epochs, step 0.2, L2 1e-3 on n-grams, 1e-6 on lexicon features), class- and source-balanced weights. Pure TypeScript, no native dependency.',
    kind === 'toxicity'
      ? '- Monotone evidence: the weights of the abuse lexicon features (lexicon strengths, word-list hits, insult frames, second person + insult, group + insult, dehumanisation) may not go below zero, so a source where a signal is rare cannot teach it backwards.'
      : '- Monotone evidence with a prior: the spam signal features (links, phone numbers, e-mails, spam phrases, money, self-promotion, digits) start at weight 1 and may not go below zero: YouTube comments rarely hold phone numbers or amounts, SMS and news-site spam do. (The prior value 1 was chosen after seeing that 0 gives SMS 0.89 and 2 gives 0.95: treat the SMS figure as slightly optimistic.)',
    `- Calibration: Platt scaling fitted on the leave-one-source-out margins (each row scored by a model that never saw its source), weighted as a real comment stream where ${pct(cal.prior)} of comments are ${kind === 'toxicity' ? 'toxic' : 'spam'} (sources equal inside each class), not as the balanced training mix: a score is the probability on a site, so 0.5 means "more likely than not" there and ordinary comments sit far below it. A site whose stream differs moves its own scores through moderator decisions (the learning path) or its thresholds.`,
    ...(kind === 'toxicity'
      ? [
          '- `threat` has no trained model (the data holds 62 weakly labelled threats, too few to calibrate): it is the severity of the curated threat patterns (LEXICON_FR/EN threats plus `workers/scoring/model/threat-patterns.ts`), combined as 1 − Π(1 − w).',
          '- Severity floor: a curated threat, slur, dehumanisation or insult pattern of weight ≥ 0.8 (e.g. "je vais te tuer" 0.95, "on sait où tu habites" 0.9) sets its attribute and `toxicity` to at least that weight; the models alone under-rate threats, which the training data barely holds. Only such a pattern can lift a score above the models\' ceiling, so at the default thresholds (hold 0.5, reject 0.9) the models hold a comment for a moderator and a curated severe pattern (weight ≥ 0.9: "fils de pute", "je vais te tuer", slurs) rejects it. `toxicity` is also at least `insult`, `threat` and `identity_attack`: each is a kind of toxicity.',
        ]
      : []),
    '- Storage: n-gram weights quantized to int8 (one scale per model) and base64-encoded; lexicon weights as numbers.',
    ...(kind === 'toxicity'
      ? ['- Sub-attributes `insult`, `identity_attack`, `profanity`: weak labels (a human-labelled toxic row whose lexicon evidence names the attribute), same features and trainer, Platt-calibrated on a 2-fold held-out split. They mirror the lexicons more than human judgement.']
      : []),
    '',
    '## Leave-one-source-out ROC-AUC (train on the other sources, test on this one)',
    '',
    `| held-out source | rows | positives | this model | ${baselineNames.map((b) => `\`${b}\``).join(' | ')} |`,
    `|---|---|---|---|${baselineNames.map(() => '---|').join('')}`,
    ...loso.map((s) => `| ${s.source} | ${s.n} | ${s.positives} | **${f3(s.auc)}** | ${baselineNames.map((b) => f3(s.baselines[b]!)).join(' | ')} |`),
    `| mean | | | **${f3(mean)}** | ${baselineNames.map((b) => f3(meanOf(b))).join(' | ')} |`,
    '',
    'Baselines: `obscenity` 0.4.6 (English dataset, recommended transformers) and `french-badwords-list` 1.0.7 (lowercase whole-word lookup) score a comment by its number of matches, ties ranked together; `palabre lexicon-…` is the hand-made lexicon scorer these models replace (`training/lexicon-scorer.ts`).',
    '',
    '## Calibration (pooled held-out LOSO predictions)',
    '',
    `Platt a = ${cal.platt.a.toFixed(4)}, b = ${cal.platt.b.toFixed(4)}, fitted for a stream with ${pct(cal.prior)} positives; ceiling ${f3(cal.ceiling)} (the stream-weighted share of positives among held-out rows the model scored ≥ 0.8: its surest calls on a source it never saw are right that often, so it claims no more${kind === 'toxicity' ? '; the sub-attribute models share this ceiling' : ''}). Expected calibration error (10 bins): ${f3(cal.streamEce)} on rows weighted as that stream (what the calibration targets), ${f3(cal.ece)} on raw rows, whose positive share (${kind === 'toxicity' ? 'Davidson is 83 % offensive' : 'SMS is 13 % spam'}) is far higher. At the hold threshold 0.5: precision ${f3(cal.streamPrf.precision)}, recall ${f3(cal.streamPrf.recall)}, F1 ${f3(cal.streamPrf.f1)} on the weighted stream; precision ${f3(cal.prf.precision)}, recall ${f3(cal.prf.recall)}, F1 ${f3(cal.prf.f1)} on raw rows.`,
    '',
    `| predicted | rows | mean predicted (${pct(cal.prior)} stream) | observed rate (${pct(cal.prior)} stream) | mean predicted (raw) | observed rate (raw) |`,
    '|---|---|---|---|---|---|',
    ...cal.bins.map((b, i) => `| ${b.bin} | ${b.n} | ${f3(cal.streamBins[i]!.meanP)} | ${f3(cal.streamBins[i]!.rate)} | ${f3(b.meanP)} | ${f3(b.rate)} |`),
    '',
    ...(facts.subAttributes.length > 0
      ? ['## Sub-attributes (weak labels, 2-fold held-out)', '', '| attribute | weak positives | AUC vs weak labels | ECE |', '|---|---|---|---|',
        ...facts.subAttributes.map((s) => `| ${s.attribute} | ${s.positives} | ${f3(s.auc)} | ${f3(s.ece)} |`), '']
      : []),
    ...(kind === 'toxicity'
      ? [
          '## Learning from moderators (`npm run learning-eval`)',
          '',
          facts.learning
            ? `${facts.learning.date}: a model trained on every source but one, then 100, 200 and 300 decisions on comments of the left-out source fed through the real learning path (comments in Redis, the \`learning\` queue, the BullMQ learning worker), ROC-AUC on the rest of that source before and after; the learning rate chosen on the other sources; the last rows are sites whose moderators agree with the model (docs/learning.md):`
            : 'Run `npm run learning-eval`, then `npm run train` again to include its figures here.',
          '',
          ...(facts.learning
            ? ['| left-out source | lessons | test rows | AUC before | AUC after |', '|---|---|---|---|---|',
              ...facts.learning.results.map((r) => `| ${r.site ?? r.source} | ${r.lessons} | ${r.testRows} | ${f3(r.before)} | ${f3(r.after)} |`), '']
            : []),
        ]
      : []),
    '## Speed',
    '',
    facts.bench
      ? `\`npm run bench:classifiers\` (${facts.bench.date}, pinned to one core of a shared 2-core machine under load from other work, so figures vary by ±50 % between runs): all ${facts.bench.checks} built-in checks, these models included, on a ${facts.bench.commentChars}-character French comment: median ${facts.bench.medianMs.toFixed(3)} ms, p99 ${facts.bench.p99Ms.toFixed(3)} ms per comment (the issue's bar: 0.2 ms median; the same checks with the lexicon scorers, same run: median ${facts.bench.lexiconMedianMs.toFixed(3)} ms). \`builtInScorer\` alone (every attribute, normalization excluded, features computed once for both checks): median ${facts.bench.scorerMedianMs.toFixed(3)} ms, p99 ${facts.bench.scorerP99Ms.toFixed(3)} ms.`
      : 'Run `npx tsx bench/classifier-bench.ts`, then `npm run train` again to include its figures here.',
    '',
    "## Against the issue's targets",
    '',
    ...(kind === 'toxicity'
      ? [
          `The issue asked for a mean LOSO AUC ≥ 0.85 with no French source under 0.80; this model reaches ${f3(mean)}, with mlma ${f3(loso.find((s) => s.source === 'mlma')?.auc ?? Number.NaN)} and ftr ${f3(loso.find((s) => s.source === 'ftr')?.auc ?? Number.NaN)}. Measured in-domain during development (80 % of a source in training, tested on the other 20 %, same features): MLMA 0.714 and FTR 0.841, so MLMA ≥ 0.80 across sources is above what these features reach even on MLMA itself. Tried on the same LOSO protocol and kept: L2 3e-3 instead of 1e-3 and NB-SVM log-count-ratio scaling (mean 0.782 → 0.788), then character 2–4-grams instead of 2–5 (→ 0.792); tried and dropped: 1–4-grams (0.791, but single letters made the moderators\' adaptation noisier), 2^18 buckets (+0.005 on 2–5-grams, four times the cache), 3–5-grams, no word pairs, unmasked group names (+0.002, kept masked by design), more epochs, French sources weighted double, Davidson weighted half, a French-only model mixed into French scores (30 %: mlma 0.670, ftr 0.680); a smaller step or 2 epochs gave +0.002–0.003, within what choosing on these same figures can fake. The two French sets were sampled on different keywords (MLMA: "mongol", "attardé", "gauchiste", migrants; FTR: "nazi", "Zemmour", "negro", with FTR negatives full of the same words) and label differently (MLMA counts any hostility, FTR hate), so little learned on one transfers to the other. MLMA\'s labels are barely predictable from its text with these features. Masking group names (the identity guard) costs some AUC on both, by design. What would help: French news comments labelled by moderators (the learning job), and a multilingual encoder if the latency budget allows.`,
          '',
        ]
      : ['Spam meets the issue\'s target (mean LOSO AUC ≥ 0.96).', '']),
    '## Known limits',
    '',
    '- Trained on Wikipedia talk comments and tweets, not news comments; figures on news comments will be lower. Labels differ by source (MLMA counts any hostility, Davidson counts offensive language).',
    '- French is the smaller half of the toxicity data (≈6.9k rows of keyword-sampled tweets); West African French, Nouchi, Wolof or Bambara code-switching are barely covered.',
    kind === 'spam'
      ? '- There is no French spam in the training data: French spam is caught through language-independent signals (links, phone numbers, money, the bilingual spam phrase lexicon) and n-grams shared with English; expect lower recall on French scams worded without those signals.'
      : '- Group names are masked, so an attack that uses only a group name and neutral words ("<group> out") relies on word pairs and the lexicons; sarcasm and coded language are missed.',
    ...(kind === 'toxicity'
      ? [
          '- Calibrated for a stream where 10 % of comments are toxic: ordinary and heated-but-civil comments score about 0.02–0.08 (`tests/unit/checks/built-in-scores.test.ts` holds a fixed French and English set under 0.25), a bare insult about 0.6–0.8 (held), and only curated severe patterns reach the reject threshold 0.9. On a site with far more toxic comments the true share above 0.5 is higher than the score says; its moderators\' decisions move it (learning path).',
          '- The cap (ceiling) means a model-only score never says more than "about 4 in 5": the models do not reject on their own, whatever the n-grams.',
          '- Calibrated for a mostly clean stream, 0.5 is a strict bar: on a source it never saw, the model alone flags about a fifth of the toxic comments at 0.5 (see the calibration figures), the curated patterns add the clear cases; a site that wants more recall lowers its hold threshold, and its moderators\' decisions teach it the rest.',
          '- Word spans come from n-gram weights summed per word; next to the real culprit they sometimes point at a common word ("le", "pendant").',
        ]
      : []),
    '- Sub-attribute scores come from weak labels and follow the lexicons; treat them as explanations, not as separate judgements.',
    '- int8 quantization changes margins by a few thousandths; retrain, do not edit weights by hand.',
    '- Hyperparameters (L2, hash size, priors) were compared on these same leave-one-source-out figures, so they are slightly optimistic.',
    '',
  ];
  writeFileSync(path, lines.join('\n'));
}
