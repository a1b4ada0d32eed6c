import { writeFileSync } from 'node:fs';
import { HASH_BITS } from '../workers/scoring/model/feature-hash.js';
import type { FeatureSet } from '../workers/scoring/model/feature-set.js';
import { LEXICON_FEATURES } from '../workers/scoring/model/lexicon-features.js';
import type { ToxicityTraining } from './train-toxicity.js';
import { HOLD_BUDGET, STREAM_PRIOR } from './train-toxicity.js';

/** Each training source, its file and its licence (datasets README); the card credits every one. */
export const SOURCE_CREDITS: Record<string, { file: string; credit: string }> = {
  jigsaw: { file: 'toxicity-en.jsonl', credit: 'Jigsaw Toxic Comment Classification (Wikipedia talk comments): labels CC0, text CC BY-SA 3.0' },
  davidson: { file: 'toxicity-en.jsonl', credit: 'Davidson, Warmsley, Macy, Weber (2017), hate speech and offensive language tweets (hate or offensive = 1): MIT' },
  mlma: { file: 'toxicity-fr.jsonl', credit: 'Ousidhoum et al. (2019), MLMA multilingual hate speech, French tweets (any hostility = 1): MIT' },
  ftr: { file: 'toxicity-fr.jsonl', credit: 'FTR rows of a French hate-speech collection: MIT' },
  'rtplx-fr': { file: 'toxicity-fr-extra.jsonl', credit: 'de Wynter et al. (2024), RTP-LX (microsoft/RTP-LX), French: human-transcreated web snippets and LLM continuations rated by 3 annotators: MIT' },
  'toxifrench-forum': { file: 'toxicity-fr-extra.jsonl', credit: 'Delaval et al. (2025), ToxiFrench (AxelDlv00/ToxiFrench), posts from a French discussion forum (`data/agreement`): MIT' },
  'jigsaw-fr': { file: 'toxicity-fr-extra.jsonl', credit: 'Delaval et al. (2025), ToxiFrench `data/JigsawData`: Jigsaw comments machine-translated to French; ToxiFrench MIT, Jigsaw labels CC0, text CC BY-SA 3.0' },
  'rtplx-en': { file: 'toxicity-en-extra.jsonl', credit: 'de Wynter et al. (2024), RTP-LX, English originals: MIT; derived from RealToxicityPrompts (Gehman et al. 2020), Apache-2.0' },
};

export interface ToxicityCardFacts {
  version: string;
  date: string;
  trained: ToxicityTraining;
  baselines: Record<string, Record<string, number>>;
  rows: number;
  neutral: number;
  trainSeconds: number;
  features: FeatureSet;
  trials?: { date: string; french: string[]; results: Array<{ name: string; aucs: Record<string, number>; mean: number }> } | undefined;
  bench?: { date: string; commentChars: number; checks: number; medianMs: number; p99Ms: number; scorerMedianMs: number; scorerP99Ms: number; load?: string; loadAverage?: number } | undefined;
  learning?: { date: string; results: Array<{ source: string; lessons: number; testRows: number; before: number; after: number }> } | undefined;
}

const f3 = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function describeFeatures(set: FeatureSet): string {
  const chars = `character ${set.charMin}–${set.charMax}-grams ${set.crossWords ? 'across word boundaries (over the folded words joined by spaces, so "s con" in "t\'es con" is one feature)' : 'inside word boundaries'}`;
  return [chars, 'words', 'word pairs', ...(set.gapPairs ? ['word pairs with one word skipped'] : []), ...(set.stems ? ['Snowball stems'] : [])].join(', ');
}

/** Writes the toxicity model card (markdown): every figure with the command that produced it. */
export function writeToxicityCard(path: string, facts: ToxicityCardFacts): void {
  const { trained: t, version } = facts;
  const cal = t.calibration;
  const baselineNames = Object.keys(facts.baselines[t.loso[0]!.source] ?? {});
  const stream = new Map(t.stream.map((s) => [s.source, s]));
  const french = t.stream.filter((s) => s.lang === 'fr');
  const frenchAuc = t.loso.filter((f) => stream.get(f.source)?.lang === 'fr').map((f) => f.auc);
  const forum = stream.get('toxifrench-forum');
  const lines = [
    `# Palabre built-in toxicity classifier, v${version}`,
    '',
    `File: \`models/toxicity-v${version}.json\` · trained ${facts.date} by \`npm run train:toxicity\` (${facts.trainSeconds.toFixed(0)} s on this shared machine, LOSO runs included) · loaded by \`workers/scoring/model/linear-scorer.ts\`. Every figure below comes from that command unless its paragraph names another.`,
    '',
    '## What it does',
    '',
    'Scores a comment (French or English) for `toxicity`, and for `insult`, `threat`, `identity_attack` and `profanity`, each a score in 0..1 calibrated for the moderators\' budget (below), with the raw-text spans that raised each score. `threat` is also read by the severe-harm scorer (docs/severe-harms.md): the higher of the two counts.',
    '',
    '## Training data and licences (credited here; no row is shipped or committed)',
    '',
    'Each source is its own fold in leave-one-source-out, split by the row\'s `source` field (`toxicity-fr-extra.jsonl` holds three).',
    '',
    '| source | file | language | rows | toxic | licence and credit |',
    '|---|---|---|---|---|---|',
    ...t.loso.map((f) => `| \`${f.source}\` | ${SOURCE_CREDITS[f.source]?.file ?? '?'} | ${stream.get(f.source)?.lang ?? '?'} | ${f.n} | ${f.positives} | ${SOURCE_CREDITS[f.source]?.credit ?? 'see ../shared/datasets/README.md'} |`),
    `| \`neutral-groups\` | training/neutral-group-comments.ts | fr, en | ${facts.neutral} | 0 | written for this project: civil comments naming groups and harsh but civil political criticism, half of one source |`,
    '',
    `${facts.rows} dataset rows in all. Every source weighs the same and the two classes weigh the same inside each source. \`jigsaw-fr\` translates comments of the same Jigsaw pool as \`jigsaw\`, and \`rtplx-fr\` the snippets of \`rtplx-en\`: when one is held out its twin still trains, so their LOSO figures are optimistic (a translation shares names, numbers and untranslated swear words).`,
    '',
    '## Word lists (features only; credited)',
    '',
    '- Palabre\'s own lexicons in `workers/scoring/` (LEXICON_FR, LEXICON_EN, dehumanisation patterns, spam phrases and signals) and extra threat patterns in `workers/scoring/model/threat-patterns.ts`.',
    '- `naughty-words` 1.2.0 (LDNOOBW): CC BY 4.0. `french-badwords-list` 1.0.7 (Christophe Roger): MIT, words from Wiktionary\'s French insults category (CC BY-SA). `@2toad/profanity` 3.3.0: MIT, French entries used only when the two other lists confirm them.',
    '- Ambiguous everyday words and every group name are removed from all lists (`workers/scoring/model/word-lists.ts`).',
    '',
    '## Method',
    '',
    `- Features: ${describeFeatures(facts.features)}, hashed into 2^${HASH_BITS} buckets (unit-length scaled), plus ${LEXICON_FEATURES.length} lexicon features. Group names give no feature of their own (a \`<group>\` placeholder in pairs and n-grams), and the neutral group comments are negatives. The model file records its feature set and the scorer refuses a file that reads other features than the code.`,
    '- Model: logistic regression, AdaGrad SGD (4 epochs, step 0.2, L2 3e-3 on n-grams), NB-SVM log-count-ratio scaling, class- and source-balanced weights; abuse lexicon weights may not go below zero. Pure TypeScript.',
    '- Parts of toxicity: `insult`, `threat`, `identity_attack`, `profanity` each get a model on the same features (2 epochs), trained on the human `attributes` labels where a source annotates the part, on weak labels (a toxic row whose lexicon evidence names the part) where no source annotates it, and never on a row its source left undecided. Calibrated on their LOSO margins over the annotated sources.',
    `- Calibration for the moderators' budget: Platt scaling fitted on the LOSO margins weighted as a stream with ${pct(STREAM_PRIOR)} toxic comments (sources equal inside each class), then shifted by ${cal.shift.toFixed(2)} in log-odds so that, at the default hold threshold ${HOLD_BUDGET.threshold}, the mean held share over the French sources (each resampled to ${pct(STREAM_PRIOR)} toxic) is ${pct(HOLD_BUDGET.held)}. A score is therefore the probability of toxicity on a stream where ${pct(cal.effectivePrior)} of comments are toxic; on a ${pct(STREAM_PRIOR)} stream, 0.5 is the moderators' review line, not "more likely than not". The parts of toxicity get the same shift, so they read on the same scale and explain a held comment (unshifted, "T\'es qu\'un connard" scored insult 0.33 and was explained as toxic language only). Ceiling ${f3(cal.ceiling)}: a model alone never reaches the reject threshold 0.9; curated severe patterns (threats, slurs, dehumanisation, "fils de pute") still reject, and the severe-harm rules run first.`,
    `- Platt a = ${cal.platt.a.toFixed(4)}, b = ${cal.platt.b.toFixed(4)} (shift included); expected calibration error on that stream ${f3(cal.ece)}.`,
    '',
    '## Leave-one-source-out (train on the other sources, score this one)',
    '',
    `ROC-AUC; then, on the held-out source resampled to a stream with ${pct(STREAM_PRIOR)} toxic comments: \`leak@10%\` and \`leak@20%\` (share of toxic comments published unseen when moderators review the riskiest 10 % / 20 %), the share of the stream held at the hold threshold ${HOLD_BUDGET.threshold}, and the share of its toxic comments held.`,
    '',
    `| held-out source | lang | rows | toxic | ROC-AUC | ${baselineNames.map((b) => `\`${b}\``).join(' | ')} | leak@10% | leak@20% | held | toxic held |`,
    `|---|---|---|---|---|${baselineNames.map(() => '---|').join('')}---|---|---|---|`,
    ...t.loso.map((f) => {
      const s = stream.get(f.source)!;
      return `| ${f.source} | ${s.lang} | ${f.n} | ${f.positives} | **${f3(f.auc)}** | ${baselineNames.map((b) => f3(facts.baselines[f.source]![b]!)).join(' | ')} | ${f3(s.leak10)} | ${f3(s.leak20)} | ${pct(s.held)} | ${pct(s.recall)} |`;
    }),
    `| mean, all sources | | | | **${f3(mean(t.loso.map((f) => f.auc)))}** | ${baselineNames.map((b) => f3(mean(t.loso.map((f) => facts.baselines[f.source]![b]!)))).join(' | ')} | ${f3(mean(t.stream.map((s) => s.leak10)))} | ${f3(mean(t.stream.map((s) => s.leak20)))} | ${pct(mean(t.stream.map((s) => s.held)))} | ${pct(mean(t.stream.map((s) => s.recall)))} |`,
    `| mean, French sources | | | | **${f3(mean(frenchAuc))}** | ${baselineNames.map(() => '').join(' | ')} | ${f3(mean(french.map((s) => s.leak10)))} | ${f3(mean(french.map((s) => s.leak20)))} | ${pct(mean(french.map((s) => s.held)))} | ${pct(mean(french.map((s) => s.recall)))} |`,
    '',
    `**Hold threshold.** The default \`thresholds.toxicity.hold\` stays ${HOLD_BUDGET.threshold}; the calibration puts the budget there. On the French sources' LOSO predictions, resampled to ${pct(STREAM_PRIOR)} toxic, it holds ${pct(mean(french.map((s) => s.held)))} of comments on average (${french.map((s) => `${s.source} ${pct(s.held)}`).join(', ')}) and ${pct(mean(french.map((s) => s.recall)))} of the toxic ones (${french.map((s) => `${s.source} ${pct(s.recall)}`).join(', ')}).${forum ? ` On the forum source, the only French source from a real comment section, it holds ${pct(forum.held)} of the stream and ${pct(forum.recall)} of its toxic comments; leak@20% is ${f3(forum.leak20)}.` : ''} These figures are the model's; at run time the curated severe patterns and the severe-harm scorer add holds on top.`,
    '',
    'Baselines: `obscenity` 0.4.6 and `french-badwords-list` 1.0.7 count matches; `palabre lexicon-…` is the hand-made lexicon scorer (`training/lexicon-scorer.ts`).',
    '',
    '## Parts of toxicity (human labels where annotated)',
    '',
    '| attribute | annotated by | human positives | weak positives (other sources) | LOSO ROC-AUC on each annotated source |',
    '|---|---|---|---|---|',
    ...t.subAttributes.map((s) => `| ${s.attribute} | ${s.annotatedSources.join(', ')} | ${s.humanPositives} | ${s.weakPositives} | ${s.loso.map((f) => `${f.source} **${f3(f.auc)}** (${f.n} rows)`).join(', ')} |`),
    '',
    '`threat` had no model in v2 (62 weak positives); the RTP-LX violence ratings and Jigsaw\'s threat label give it one. At run time `threat` is the higher of this model and the severe-harm scorer, which reads threats by structure (denial and quotation included) and alone can reject.',
    '',
  ];
  if (facts.trials) {
    const tr = facts.trials;
    lines.push(
      '## Feature trials (French LOSO ROC-AUC)',
      '',
      `\`npm run train:trials\` (${tr.date}): the same trainer and sources, one feature set per line; the French sources held out one at a time. Kept: what lifts the French mean; the shipped set is ${describeFeatures(facts.features)}.`,
      '',
      `| features | ${tr.french.join(' | ')} | French mean |`,
      `|---|${tr.french.map(() => '---|').join('')}---|`,
      ...tr.results.map((r) => `| ${r.name} | ${tr.french.map((s) => f3(r.aucs[s]!)).join(' | ')} | **${f3(r.mean)}** |`),
      '',
    );
  }
  if (facts.learning) {
    lines.push('## Learning from moderators (`npm run learning-eval`)', '', `${facts.learning.date}, as last measured by \`npm run learning-eval\` (its figures may predate this model):`, '', '| left-out source | lessons | test rows | AUC before | AUC after |', '|---|---|---|---|---|',
      ...facts.learning.results.map((r) => `| ${r.source} | ${r.lessons} | ${r.testRows} | ${f3(r.before)} | ${f3(r.after)} |`), '');
  }
  lines.push('## Speed', '', facts.bench
    ? `\`npm run bench:classifiers\` (${facts.bench.date}, one core of a shared 2-core machine${facts.bench.load ?? facts.bench.loadAverage !== undefined ? `, load average ${facts.bench.load ?? facts.bench.loadAverage!.toFixed(1)}` : ''}): all ${facts.bench.checks} built-in checks on a ${facts.bench.commentChars}-character French comment: median ${facts.bench.medianMs.toFixed(3)} ms, p99 ${facts.bench.p99Ms.toFixed(3)} ms; \`builtInScorer\` alone median ${facts.bench.scorerMedianMs.toFixed(3)} ms, p99 ${facts.bench.scorerP99Ms.toFixed(3)} ms.`
    : 'Run `npm run bench:classifiers`, then `npm run train:toxicity` again to include its figures here.', '');
  const frenchFolds = t.loso.filter((f) => stream.get(f.source)?.lang === 'fr');
  const under = frenchFolds.filter((f) => f.auc < 0.78);
  lines.push(
    "## Against the issue's aims",
    '',
    `- LOSO ROC-AUC, mean over all sources ≥ 0.85: **${f3(mean(t.loso.map((f) => f.auc)))}**${mean(t.loso.map((f) => f.auc)) >= 0.85 ? ' (reached; the twins jigsaw/jigsaw-fr and rtplx-en/rtplx-fr lift it)' : ''}.`,
    `- Every French source ≥ 0.78: ${frenchFolds.map((f) => `${f.source} ${f3(f.auc)}`).join(', ')}${under.length > 0 ? ` — missed on ${under.map((f) => f.source).join(' and ')}: keyword-sampled tweets whose labels differ from every other source (MLMA counts any hostility, FTR hate, with negatives full of the same keywords); in v2 they reached 0.679 and 0.692 with fewer sources, and the new sources, which look more like comments, pull the shared n-grams elsewhere. Stems, gap pairs and longer n-grams did not move them (feature trials above). What would close the gap: French comments labelled by moderators (the learning path), or a small multilingual encoder if the latency budget allows` : ''}.`,
    `- Forum source leak@20% ≤ 0.30: **${forum ? f3(forum.leak20) : 'n/a'}** (ROC-AUC ${f3(t.loso.find((f) => f.source === 'toxifrench-forum')?.auc ?? Number.NaN)}; v2 on comparable posts: 0.63 per the issue). The leak depends on ranking alone, so only a better ranking closes it; the forum posts are long, and the cross-word n-grams gained the most there (trials).`,
    `- Held share 15–20 % on a 10 % toxic stream: ${pct(mean(french.map((s) => s.held)))} on average over the French sources at the default threshold (chosen at ${pct(HOLD_BUDGET.held)}, the low end, because a budget of 17.5 % held more benign functional cases, "Je ne vais tuer personne", than the severe-harm rules allow: \`npm run eval:functional\` must not drop).`,
    '- Speed: see above; measure on an idle core before judging the 0.2 ms bar.',
    '',
    '## Known limits',
    '',
    '- Trained on tweets, Wikipedia talk comments, web snippets and one French forum, not on West African news comments; Nouchi, Wolof or Bambara code-switching are barely covered.',
    '- MLMA and FTR were sampled on keywords and label differently (MLMA any hostility, FTR hate): little learned elsewhere transfers to them, so their LOSO AUC stays far under the other sources.',
    '- The calibration is set for the moderators\' budget on a 10 % toxic stream: a site with far more (or fewer) toxic comments holds more (or fewer); its thresholds and its moderators\' decisions move it.',
    '- Hyperparameters and feature sets were chosen on these same LOSO figures, so they are slightly optimistic.',
    '- int8 quantization changes margins by a few thousandths; retrain, do not edit weights by hand.',
    '',
  );
  writeFileSync(path, lines.join('\n'));
}
