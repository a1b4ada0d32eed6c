import type { FtrlParams } from './ftrl.js';

/**
 * The constants of every site's correction. `alpha` and `l1` are what `npm run learning-eval`
 * chooses for the French forum source on the six other sources (docs/learning.md, "How the
 * rate was chosen");
 * `l1` keeps a feature's weight at 0 until decisions disagree with the model on it in a few
 * comments (a feature's gradient is the error times its value, about 0.05–0.1 per comment); `beta` = 1 is the usual FTRL choice. The reader and the learner must agree on
 * them: a change here re-reads every site's state differently (no reset needed, no data lost).
 */
export const FTRL_PARAMS: FtrlParams = { alpha: 1, beta: 1, l1: 0.1, l2: 0 };
