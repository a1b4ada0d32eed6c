import type { ModelVersion, StatementGround, StatementOfReasons } from '../../protocol/statement.js';
import type { Comment, Reason } from '../../protocol/comment.js';


// The decision trace records model versions by name, not which model gave which score. A
// built-in scorer names its attribute (`lexicon-toxicity`, `linear-spam`); outside providers
// are listed here (keep in step with workers/providers).
const PROVIDER_MODELS: Record<'toxicity' | 'spam', string[]> = {
  toxicity: ['httpClassifier'],
  spam: ['akismet', 'httpClassifier'],
};
/** The attribute each scoring check scores. */
const ATTRIBUTE_OF_CHECK: Record<string, 'toxicity' | 'spam'> = { toxicityScore: 'toxicity', spamScore: 'spam', akismet: 'spam' };
const scores = (modelId: string, attribute: 'toxicity' | 'spam') =>
  modelId.includes(attribute) || PROVIDER_MODELS[attribute].includes(modelId);

/** Codes of decideStatus: `toxicity_above_reject`, `spam_above_hold`, … */
const THRESHOLD_CODE = /^(toxicity|spam)_above_(hold|reject)$/;

const RESTRICTION = { rejected: 'removed', held: 'held', approved: 'none', pending: 'pending' } as const;

/**
 * The statement of reasons of a comment, built from what its decision stored: the reasons of
 * each check with the words they point at, each threshold crossed with the score and the
 * models behind it, the versions used, and the moderator's reason when a person decided.
 */
export function statementOfReasons(c: Comment): StatementOfReasons {
  const models = Object.entries(c.decision?.models ?? {}).map(([id, version]) => ({ id, version }));
  const pick = (attribute: 'toxicity' | 'spam') => models.filter((m) => scores(m.id, attribute));
  const human = c.decidedBy !== undefined && c.decidedBy !== 'auto';
  return {
    commentId: c.id,
    articleId: c.articleId,
    status: c.status,
    restriction: RESTRICTION[c.status],
    postedAt: c.createdAt,
    decidedAt: c.decidedAt ?? null,
    decidedBy: c.decidedBy === undefined ? null : human ? 'moderator' : 'automated',
    automatedMeans: c.decision !== undefined || c.decidedBy === 'auto',
    grounds: (c.reasons ?? []).map((r) => groundOf(c, r, pick)),
    ...(human && c.moderatorReason ? { moderatorReason: c.moderatorReason } : {}),
    ...(c.decision ? { policy: { mode: c.decision.mode, thresholds: c.decision.thresholds } } : {}),
    models,
  };
}

function groundOf(c: Comment, r: Reason, pick: (attribute: 'toxicity' | 'spam') => ModelVersion[]): StatementGround {
  const ground: StatementGround = {
    check: r.check,
    ...(c.decision?.checks[r.check] ? { checkVersion: c.decision.checks[r.check] } : {}),
    code: r.code,
    message: r.message,
    spans: r.spans,
    excerpts: r.spans.map((s) => c.body.slice(s.start, s.end)),
  };
  const crossed = THRESHOLD_CODE.exec(r.code);
  if (crossed && c.decision) {
    const attribute = crossed[1] as 'toxicity' | 'spam';
    const step = crossed[2] as 'hold' | 'reject';
    const score = c.scores?.[attribute];
    Object.assign(ground, {
      attribute,
      step,
      threshold: c.decision.thresholds[attribute][step],
      ...(score !== undefined ? { score } : {}),
      models: pick(attribute),
    });
  } else if (ATTRIBUTE_OF_CHECK[r.check]) {
    ground.models = pick(ATTRIBUTE_OF_CHECK[r.check]!);
  }
  return ground;
}
