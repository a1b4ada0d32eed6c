/**
 * ROC-AUC: the chance that a random positive scores above a random negative (ties count half).
 * @example rocAuc([0.9, 0.1], [1, 0]) // 1
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (labels[order[k]!] === 1) { positives++; rankSum += rank; }
    i = j + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Precision, recall and F1 of `score >= threshold` as the positive decision; rows may carry weights. */
export function precisionRecallF1(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number, weights?: ArrayLike<number>) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const predicted = scores[i]! >= threshold;
    const w = weights?.[i] ?? 1;
    if (predicted && labels[i] === 1) tp += w;
    else if (predicted) fp += w;
    else if (labels[i] === 1) fn += w;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/**
 * Platt scaling: fits p = sigmoid(a·z + b) to labels by weighted Newton steps on the log loss,
 * with Platt's smoothed targets so a perfectly separated fold does not send `a` to infinity.
 */
export function fitPlatt(margins: ArrayLike<number>, labels: ArrayLike<number>, weights?: ArrayLike<number>) {
  const n = margins.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights?.[i] ?? 1;
  const w = Float64Array.from({ length: n }, (_, i) => ((weights?.[i] ?? 1) * n) / total);
  let pos = 0;
  for (let i = 0; i < n; i++) if (labels[i] === 1) pos++;
  const hi = (pos + 1) / (pos + 2);
  const lo = 1 / (n - pos + 2);
  const loss = (a: number, b: number) => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const t = labels[i] === 1 ? hi : lo;
      const z = a * margins[i]! + b;
      // log(1 + e^z) - t·z, computed without overflow
      sum += w[i]! * ((z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - t * z);
    }
    return sum;
  };
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let g1 = 0, g2 = 0, h11 = 0, h12 = 0, h22 = 0;
    for (let i = 0; i < n; i++) {
      const z = margins[i]!;
      const p = 1 / (1 + Math.exp(-(a * z + b)));
      const t = labels[i] === 1 ? hi : lo;
      const d = (p - t) * w[i]!;
      const s = p * (1 - p) * w[i]! + 1e-12;
      g1 += d * z; g2 += d; h11 += s * z * z; h12 += s * z; h22 += s;
    }
    const det = h11 * h22 - h12 * h12;
    if (!(Math.abs(det) > 1e-18)) break;
    const da = (h22 * g1 - h12 * g2) / det;
    const db = (h11 * g2 - h12 * g1) / det;
    // backtracking: a full Newton step can overshoot on badly scaled margins
    let step = 1;
    while (step > 1e-6 && loss(a - step * da, b - step * db) > current) step /= 2;
    a -= step * da;
    b -= step * db;
    const next = loss(a, b);
    if (Math.abs(current - next) < 1e-10 * n) break;
    current = next;
  }
  return { a, b };
}

/** Expected calibration error over equal-width bins, and the bins, for the model card; rows may carry weights. */
export function calibrationTable(probabilities: ArrayLike<number>, labels: ArrayLike<number>, bins = 10, weights?: ArrayLike<number>) {
  const count = new Array<number>(bins).fill(0);
  const sumP = new Array<number>(bins).fill(0);
  const sumY = new Array<number>(bins).fill(0);
  const weight = new Array<number>(bins).fill(0);
  let total = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const b = Math.min(bins - 1, Math.floor(probabilities[i]! * bins));
    const w = weights?.[i] ?? 1;
    count[b]!++;
    weight[b]! += w;
    total += w;
    sumP[b]! += w * probabilities[i]!;
    sumY[b]! += w * labels[i]!;
  }
  let ece = 0;
  const rows = count.map((n, b) => {
    const wb = weight[b]!;
    if (n > 0) ece += (wb / total) * Math.abs(sumP[b]! / wb - sumY[b]! / wb);
    return { bin: `${(b / bins).toFixed(1)}–${((b + 1) / bins).toFixed(1)}`, n, meanP: n ? sumP[b]! / wb : 0, rate: n ? sumY[b]! / wb : 0 };
  });
  return { ece, rows };
}

/**
 * Share of positives published unseen when moderators review the riskiest `share` of a stream:
 * rows ranked by score, the top `share` of the (weighted) stream reviewed, a tie group at the
 * edge reviewed in proportion. Weight rows as the stream (e.g. 10 % positives) to read it there.
 * @example leakAt([0.9, 0.8, 0.2, 0.1], [1, 0, 1, 0], 0.5) // 0.5: the top half holds one of two positives
 */
export function leakAt(scores: ArrayLike<number>, labels: ArrayLike<number>, share: number, weights?: ArrayLike<number>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  const w = (i: number) => weights?.[i] ?? 1;
  let total = 0;
  let positives = 0;
  for (let i = 0; i < scores.length; i++) {
    total += w(i);
    if (labels[i] === 1) positives += w(i);
  }
  if (positives === 0) return Number.NaN;
  let budget = share * total;
  let caught = 0;
  for (let i = 0; i < order.length && budget > 0; ) {
    let j = i;
    let groupWeight = 0;
    let groupPositive = 0;
    while (j < order.length && scores[order[j]!] === scores[order[i]!]) {
      groupWeight += w(order[j]!);
      if (labels[order[j]!] === 1) groupPositive += w(order[j]!);
      j++;
    }
    const taken = Math.min(1, budget / groupWeight);
    caught += taken * groupPositive;
    budget -= taken * groupWeight;
    i = j;
  }
  return 1 - caught / positives;
}

/**
 * Share of a stream held at `threshold` (score ≥ threshold), and the share of its positives held.
 * @example heldAt([0.9, 0.1], [1, 0], 0.5) // { held: 0.5, recall: 1 }
 */
export function heldAt(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold: number, weights?: ArrayLike<number>) {
  let total = 0;
  let held = 0;
  let positives = 0;
  let caught = 0;
  for (let i = 0; i < scores.length; i++) {
    const w = weights?.[i] ?? 1;
    total += w;
    if (labels[i] === 1) positives += w;
    if (scores[i]! < threshold) continue;
    held += w;
    if (labels[i] === 1) caught += w;
  }
  return { held: total > 0 ? held / total : 0, recall: positives > 0 ? caught / positives : 0 };
}

/** Row weights that resample one labelled set to a stream with `prior` positives. */
export function resampleWeights(labels: ArrayLike<number>, prior: number): Float64Array {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === 1) positives++;
  const negatives = labels.length - positives;
  return Float64Array.from({ length: labels.length }, (_, i) => (labels[i] === 1 ? prior / positives : (1 - prior) / negatives));
}
