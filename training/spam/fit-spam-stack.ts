import { REGIONAL_SPAM_FEATURES, type RegionalSpamFeature } from '../../workers/scoring/spam/regional-spam-features.js';
import { logit, type SpamStack } from '../../workers/scoring/spam/spam-stack.js';

/**
 * Where each regional weight starts and what sign it may take: a scam family or a WhatsApp number
 * never lowers the spam score, a legitimate context never raises it. A plain phone number or an
 * organisation's e-mail address may go either way: news readers give them for good reasons.
 */
export const STACK_PRIOR: Record<RegionalSpamFeature, { start: number; sign: 1 | -1 | 0 }> = {
  loan_offer: { start: 1.5, sign: 1 },
  investment_promise: { start: 1.5, sign: 1 },
  occult_title: { start: 1, sign: 1 },
  occult_service: { start: 1.5, sign: 1 },
  crypto_scam: { start: 1.5, sign: 1 },
  lottery_prize: { start: 1.5, sign: 1 },
  easy_money: { start: 1, sign: 1 },
  contact_bait: { start: 0.5, sign: 1 },
  legit_context: { start: -1, sign: -1 },
  phone_number: { start: 0, sign: 0 },
  chat_number: { start: 1, sign: 1 },
  chat_link: { start: 1, sign: 1 },
  email_address: { start: 0, sign: 0 },
  email_obfuscated: { start: 1.5, sign: 1 },
  scam_with_contact: { start: 1.5, sign: 1 },
};

export interface StackRow {
  /** The n-gram model's held-out probability of the row. */
  base: number;
  values: ArrayLike<number>;
  label: number;
  weight: number;
}

export interface StackOptions {
  /** Pull toward the prior weights, per unit of total row weight. @default 0.002 */
  l2?: number;
  iterations?: number;
}

/**
 * Fits the stack by projected gradient descent (Adam) on weighted log-loss, with an L2 pull toward
 * the prior: with few French rows, data moves the domain prior rather than replacing it.
 */
export function fitSpamStack(rows: readonly StackRow[], options: StackOptions = {}): Omit<SpamStack, 'ceiling'> {
  const { l2 = 0.002, iterations = 1500 } = options;
  const D = REGIONAL_SPAM_FEATURES.length;
  // θ = [bias, baseWeight, w_1..w_D]
  const prior = [0, 1, ...REGIONAL_SPAM_FEATURES.map((f) => STACK_PRIOR[f].start)];
  const sign = [0, 1, ...REGIONAL_SPAM_FEATURES.map((f) => STACK_PRIOR[f].sign)];
  const theta = [...prior];
  const m = new Float64Array(D + 2);
  const v = new Float64Array(D + 2);
  const total = rows.reduce((a, r) => a + r.weight, 0);
  const x = rows.map((r) => [1, logit(r.base), ...Array.from(r.values)]);
  const step = 0.05;
  for (let t = 1; t <= iterations; t++) {
    const grad = theta.map((w, k) => (k === 0 ? 0 : l2 * (w - prior[k]!)));
    rows.forEach((r, i) => {
      const xi = x[i]!;
      let z = 0;
      for (let k = 0; k < xi.length; k++) z += theta[k]! * xi[k]!;
      const g = ((1 / (1 + Math.exp(-z))) - r.label) * (r.weight / total);
      for (let k = 0; k < xi.length; k++) grad[k]! += g * xi[k]!;
    });
    for (let k = 0; k < theta.length; k++) {
      m[k] = 0.9 * m[k]! + 0.1 * grad[k]!;
      v[k] = 0.999 * v[k]! + 0.001 * grad[k]! ** 2;
      const mh = m[k]! / (1 - 0.9 ** t);
      const vh = v[k]! / (1 - 0.999 ** t);
      let w = theta[k]! - (step * mh) / (Math.sqrt(vh) + 1e-8);
      if (sign[k] === 1) w = Math.max(0, w);
      if (sign[k] === -1) w = Math.min(0, w);
      theta[k] = w;
    }
  }
  return { features: REGIONAL_SPAM_FEATURES, bias: theta[0]!, baseWeight: theta[1]!, weights: theta.slice(2) };
}
