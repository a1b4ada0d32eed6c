import type { LinearModel } from '../workers/scoring/model/linear-model.js';
import { LEXICON_FEATURE_COUNT, LEXICON_FEATURES } from '../workers/scoring/model/lexicon-features.js';
import type { FeatureSet } from '../workers/scoring/model/feature-set.js';
import { calibrateStream, probabilityOf, type StreamCalibration } from './calibrate-stream.js';
import { heldAt, leakAt, resampleWeights } from './evaluation-metrics.js';
import { buildFeatureTable, type FeatureTable } from './feature-table.js';
import { leaveOneSourceOut, type FoldFigures } from './leave-one-source-out.js';
import { balancedWeights, rowsWhere } from './source-weights.js';
import { ANNOTATED_ATTRIBUTES, NEUTRAL_SOURCE, sourcesOf, type AnnotatedAttribute, type TrainingRow } from './toxicity-rows.js';
import { trainLogistic } from './train-logistic.js';
import { SUB_ATTRIBUTE_OPTIONS, THREAT_OPTIONS, TOXICITY_OPTIONS } from './training-options.js';

/** Share of toxic comments on the news stream the scores are calibrated for (about 8 % in Civil Comments). */
export const STREAM_PRIOR = 0.1;
/** The moderators' budget: on that stream, the default hold threshold holds this share of comments. */
export const HOLD_BUDGET = { threshold: 0.5, held: 0.15 } as const;

/** How one held-out source fares on a stream resampled to 10 % toxic. */
export interface StreamFigures {
  source: string;
  lang: string;
  leak10: number;
  leak20: number;
  /** Share of the stream held at the hold threshold, and the share of its toxic comments held. */
  held: number;
  recall: number;
}

export interface SubAttributeFigures {
  attribute: AnnotatedAttribute;
  annotatedSources: string[];
  humanPositives: number;
  weakPositives: number;
  loso: FoldFigures[];
  calibration: StreamCalibration;
}

export interface ToxicityTraining {
  table: FeatureTable;
  models: LinearModel[];
  loso: FoldFigures[];
  margins: Float64Array;
  calibration: StreamCalibration;
  stream: StreamFigures[];
  subAttributes: SubAttributeFigures[];
}

const F = Object.fromEntries(LEXICON_FEATURES.map((n, i) => [n, i])) as Record<(typeof LEXICON_FEATURES)[number], number>;

/** Weak labels where no source annotates: a human-labelled toxic row whose lexicon evidence names the part. */
function weakLabels(table: FeatureTable): Record<AnnotatedAttribute, (r: number) => boolean> {
  const dense = (r: number, f: number) => table.dense[r * LEXICON_FEATURE_COUNT + f]!;
  return {
    insult: (r) => dense(r, F.insult) >= 0.45 || dense(r, F.list_french_badwords) > 0 || dense(r, F.second_person_insult) > 0,
    threat: (r) => dense(r, F.threat) >= 0.5,
    identity_attack: (r) => dense(r, F.identity_attack) >= 0.5 || dense(r, F.group_insult) > 0,
    profanity: (r) => dense(r, F.profanity) >= 0.3 || dense(r, F.list_naughty_en) > 0 || dense(r, F.list_naughty_fr) > 0,
  };
}

/**
 * Trains the toxicity model and its parts on every source, measures each leave-one-source-out,
 * and calibrates them for the moderators' budget on the French sources.
 */
export function trainToxicity(rows: TrainingRow[], set: FeatureSet | undefined, log: (line: string) => void): ToxicityTraining {
  const t0 = performance.now();
  const table = buildFeatureTable(rows, set);
  log(`toxicity: features of ${rows.length} texts in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
  const all = sourcesOf(rows);
  const heldOut = all.map((s) => s.source);
  const french = all.filter((s) => s.lang === 'fr').map((s) => s.source);
  const sources = rows.map((r) => r.source);
  const labels = Uint8Array.from(rows, (r) => r.label);
  const weights = balancedWeights(rows, NEUTRAL_SOURCE, 0.5);
  const { margins, figures } = leaveOneSourceOut({ attribute: 'toxicity', table, sources, labels, weights, options: TOXICITY_OPTIONS }, heldOut, log);
  const calibration = calibrateStream({ margins, labels, sources }, STREAM_PRIOR, { sources: french, ...HOLD_BUDGET });
  log(`toxicity: Platt a=${calibration.platt.a.toFixed(3)} b=${calibration.platt.b.toFixed(3)} (shift ${calibration.shift.toFixed(2)}), ceiling ${calibration.ceiling.toFixed(3)}`);
  const stream = all.map(({ source, lang }): StreamFigures => {
    const idx = rowsWhere(sources, (s) => s === source);
    const y = Array.from(idx, (r) => labels[r]!);
    const p = Array.from(idx, (r) => probabilityOf(calibration, margins[r]!));
    const w = resampleWeights(y, STREAM_PRIOR);
    return { source, lang, leak10: leakAt(p, y, 0.1, w), leak20: leakAt(p, y, 0.2, w), ...heldAt(p, y, HOLD_BUDGET.threshold, w) };
  });
  const toxicity: LinearModel = { ...trainLogistic('toxicity', table, rowsWhere(rows, () => true), labels, weights, TOXICITY_OPTIONS), platt: calibration.platt, ceiling: calibration.ceiling };

  const weak = weakLabels(table);
  const subModels: LinearModel[] = [];
  const subAttributes: SubAttributeFigures[] = [];
  for (const attribute of ANNOTATED_ATTRIBUTES) {
    const annotatedSources = [...new Set(rows.filter((r) => r.attributes?.[attribute] !== undefined).map((r) => r.source))];
    const annotates = new Set(annotatedSources);
    // a source that annotates the part but left this row undecided (between the bars) says nothing either way
    const usable = (r: number) => !annotates.has(rows[r]!.source) || rows[r]!.attributes?.[attribute] !== undefined;
    const y = Uint8Array.from(rows, (row, r) => {
      const human = row.attributes?.[attribute];
      if (human !== undefined) return human === 1 ? 1 : 0;
      return row.label === 1 && weak[attribute](r) ? 1 : 0;
    });
    const w = balancedWeights(rows.map((row, r) => ({ source: row.source, label: y[r]! })), NEUTRAL_SOURCE, 0.5);
    const options = attribute === 'threat' ? THREAT_OPTIONS : SUB_ATTRIBUTE_OPTIONS;
    const loso = leaveOneSourceOut({ attribute, table, sources, labels: y, weights: w, options, usable }, annotatedSources, log);
    const cal = calibrateStream({ margins: loso.margins, labels: y, sources }, STREAM_PRIOR * positiveShare(rows, y, annotates));
    // the same budget shift as toxicity: a part reads on the same scale as the whole, and explains a held comment
    // ("Insult: connard") where an unshifted part stayed under the span threshold; never above toxicity's ceiling
    const subCalibration = { ...cal, platt: { a: cal.platt.a, b: cal.platt.b + calibration.shift }, ceiling: Math.min(cal.ceiling, calibration.ceiling) };
    const trainRows = rowsWhere(rows, (_, r) => usable(r));
    subModels.push({ ...trainLogistic(attribute, table, trainRows, y, w, options), platt: subCalibration.platt, ceiling: subCalibration.ceiling });
    const human = rows.reduce((n, row) => n + (row.attributes?.[attribute] === 1 ? 1 : 0), 0);
    const positives = y.reduce((a, b) => a + b, 0);
    subAttributes.push({ attribute, annotatedSources, humanPositives: human, weakPositives: positives - human, loso: loso.figures, calibration: subCalibration });
    log(`${attribute}: ${human} human + ${positives - human} weak positives, LOSO ${loso.figures.map((f) => `${f.source} ${f.auc.toFixed(3)}`).join(', ')}`);
  }
  return { table, models: [toxicity, ...subModels], loso: figures, margins, calibration, stream, subAttributes };
}

/** Share of toxic annotated rows that carry the part: how common it is among toxic comments. */
function positiveShare(rows: readonly TrainingRow[], y: Uint8Array, annotates: ReadonlySet<string>): number {
  let toxic = 0;
  let part = 0;
  rows.forEach((row, r) => {
    if (!annotates.has(row.source) || row.label !== 1 || row.attributes === undefined) return;
    toxic++;
    part += y[r]!;
  });
  return toxic > 0 ? Math.max(0.05, part / toxic) : 0.5;
}

