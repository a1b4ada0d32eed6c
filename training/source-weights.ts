/** A row as the weighting sees it: its source and its label. */
interface Weighed {
  source: string;
  label: number;
}

/**
 * Per-row training weights: every source counts the same, classes balanced inside a source; the
 * rows of `smallSource` (the project's neutral comments) count `smallShare` of a source.
 */
export function balancedWeights(rows: readonly Weighed[], smallSource: string, smallShare: number): Float32Array {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(`${r.source}:${r.label}`, (counts.get(`${r.source}:${r.label}`) ?? 0) + 1);
  return Float32Array.from(rows, (r) => (r.source === smallSource ? smallShare : 0.5) / counts.get(`${r.source}:${r.label}`)!);
}

/**
 * Row weights of a comment stream where `prior` of comments are positive: sources count the same
 * inside each class, and the classes weigh `prior` and `1 - prior` in all.
 * @example streamWeights([{source:'a',label:1},{source:'a',label:0}], 0.1) // [0.1, 0.9]
 */
export function streamWeights(rows: readonly Weighed[], prior: number): Float32Array {
  const counts = new Map<string, number>();
  const key = (r: Weighed) => `${r.source}:${r.label}`;
  for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  const sourcesOf = (label: number) => [...counts.keys()].filter((k) => k.endsWith(`:${label}`)).length;
  const sources = [sourcesOf(0), sourcesOf(1)];
  return Float32Array.from(rows, (r) => (r.label === 1 ? prior : 1 - prior) / sources[r.label]! / counts.get(key(r))!);
}

/** Indexes of the rows `keep` accepts. */
export const rowsWhere = <T>(rows: readonly T[], keep: (r: T, i: number) => boolean): Int32Array =>
  Int32Array.from(rows.flatMap((r, i) => (keep(r, i) ? [i] : [])));
