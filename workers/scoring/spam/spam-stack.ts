import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REGIONAL_SPAM_FEATURES } from './regional-spam-features.js';

/**
 * The second stage of the spam model: the n-gram model's probability (as a logit) plus the regional
 * spam features, fitted by `npm run train:spam` on held-out predictions weighted as a news stream
 * where 5 % of comments are spam, so its output is that stream's probability.
 */
export interface SpamStack {
  features: readonly string[];
  bias: number;
  /** Weight of logit(p) of the n-gram model. */
  baseWeight: number;
  /** One weight per REGIONAL_SPAM_FEATURES entry. */
  weights: number[];
  /** Highest probability it may give: how often its surest held-out calls were right. */
  ceiling: number;
}

export const SPAM_MODEL_VERSION = '3';
const EPSILON = 1e-4;

export const logit = (p: number): number => {
  const q = Math.min(1 - EPSILON, Math.max(EPSILON, p));
  return Math.log(q / (1 - q));
};

/** The stacked margin: what the n-gram model says, moved by the regional evidence. */
export function stackMargin(stack: SpamStack, baseProbability: number, values: ArrayLike<number>): number {
  let z = stack.bias + stack.baseWeight * logit(baseProbability);
  for (let k = 0; k < stack.weights.length; k++) z += stack.weights[k]! * values[k]!;
  return z;
}

/** Refuses a stack fitted for other features: a weight on the wrong feature would be silent nonsense. */
export function checkStack(stack: SpamStack): SpamStack {
  if (stack.features.join() !== REGIONAL_SPAM_FEATURES.join() || stack.weights.length !== REGIONAL_SPAM_FEATURES.length) {
    throw new Error('spam model stack: features differ from this code\'s REGIONAL_SPAM_FEATURES; run `npm run train:spam`');
  }
  if (!(stack.ceiling > 0 && stack.ceiling <= 1)) throw new Error(`spam model stack: ceiling ${stack.ceiling} is not a probability`);
  return stack;
}

/** Reads the stack of models/spam-v3.json, from source (workers/scoring/spam) or from the build (dist/…). */
export function readSpamStack(version = SPAM_MODEL_VERSION): SpamStack {
  const file = `spam-v${version}.json`;
  for (const up of ['../../../models/', '../../../../models/']) {
    const path = fileURLToPath(new URL(up + file, import.meta.url));
    if (!existsSync(path)) continue;
    const model = JSON.parse(readFileSync(path, 'utf8')) as { stack?: SpamStack };
    if (model.stack === undefined) throw new Error(`${file} has no stack; run \`npm run train:spam\``);
    return checkStack(model.stack);
  }
  throw new Error(`model file ${file} not found next to the code; run \`npm run train:spam\``);
}
