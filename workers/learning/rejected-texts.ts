import type { CoreDeps } from '../../core/deps.js';
import { forgetRejectedTexts, rejectedTextCandidates, rememberRejectedText } from '../../core/learning/rejected-text-store.js';
import { bandsOf, decodeSignature, encodeSignature, signatureOf, similarity } from '../text/minhash.js';
import type { NormalizedText } from '../text/normalize.js';

/** Shingle similarity from which a text counts as a copy of a rejected one (edits of a word or two in a paragraph). */
export const COPY_SIMILARITY = 0.8;

/** The earlier human rejection a comment copies, for the `rejectedCopy` check's reason. */
export interface RejectedTwin {
  commentId: string;
  reason: string;
  decidedAt: string;
  similarity: number;
}

/** The most similar remembered rejection at or above COPY_SIMILARITY, if any. */
export async function findRejectedTwin(deps: CoreDeps, siteId: string, text: NormalizedText): Promise<RejectedTwin | undefined> {
  const signature = signatureOf(text);
  if (!signature) return undefined;
  let best: RejectedTwin | undefined;
  for (const c of await rejectedTextCandidates(deps, siteId, bandsOf(signature))) {
    const s = similarity(signature, decodeSignature(c.signature));
    if (s >= COPY_SIMILARITY && (!best || s > best.similarity)) best = { commentId: c.commentId, reason: c.reason, decidedAt: c.decidedAt, similarity: s };
  }
  return best;
}

/**
 * Keeps what a moderator decided about a text: a rejection is remembered so its copies are held;
 * an approval forgets the rejections it copies, so the latest human call is the one that counts.
 */
export async function recordHumanDecision(
  deps: CoreDeps,
  siteId: string,
  decision: { commentId: string; text: NormalizedText; rejected: boolean; reason: string; decidedAt: string },
): Promise<void> {
  const signature = signatureOf(decision.text);
  if (!signature) return;
  if (decision.rejected) {
    const entry = { commentId: decision.commentId, reason: decision.reason, decidedAt: decision.decidedAt, signature: encodeSignature(signature) };
    await rememberRejectedText(deps, siteId, entry, bandsOf(signature));
    return;
  }
  const copied = (await rejectedTextCandidates(deps, siteId, bandsOf(signature))).filter((c) => similarity(signature, decodeSignature(c.signature)) >= COPY_SIMILARITY);
  await forgetRejectedTexts(deps, siteId, copied.map((c) => c.commentId));
}
