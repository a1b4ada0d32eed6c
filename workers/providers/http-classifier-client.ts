import { z } from 'zod';
import type { Scores } from '../../protocol/attribute.js';
import type { HttpClassifierPolicy } from '../../core/sites/provider-policy.js';
import { ProviderError } from './provider-error.js';
import { providerFetch, readText } from './provider-fetch.js';
import type { CommentLanguage } from '../../protocol/language.js';

/**
 * The generic HTTP classifier protocol, for a model a site runs itself (on its own GPU):
 * POST the configured URL with the configured headers and a JSON body
 * `{id, siteId, text, lang}` → 200 `{scores: {toxicity?, spam?, insult?, threat?,
 * identity_attack?, profanity?}, model?}`, scores in 0..1. Attributes Palabre does not know
 * are ignored; any other answer is a provider failure.
 */
const score = z.number().min(0).max(1).optional();
const answerSchema = z.object({
  scores: z.object({
    toxicity: score,
    spam: score,
    insult: score,
    threat: score,
    identity_attack: score,
    profanity: score,
  }),
  /** Name and version of the model, recorded in the decision trace. */
  model: z.string().min(1).max(200).optional(),
});

export interface ClassifierRequest {
  id: string;
  siteId: string;
  text: string;
  lang: CommentLanguage;
}

export interface ClassifierAnswer {
  scores: Scores;
  model?: string;
}

export async function classifyOverHttp(policy: HttpClassifierPolicy, request: ClassifierRequest): Promise<ClassifierAnswer> {
  if (!policy.url) throw new ProviderError('no url configured');
  const res = await providerFetch(
    policy.url,
    {
      method: 'POST',
      headers: { ...policy.headers, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(request),
    },
    policy.timeoutMs,
  );
  const text = await readText(res, policy.timeoutMs);
  if (!res.ok) throw new ProviderError(`answered HTTP ${res.status}`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ProviderError('answered something that is not JSON');
  }
  const parsed = answerSchema.safeParse(json);
  if (!parsed.success) throw new ProviderError(`answered outside the protocol (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  const scores = Object.fromEntries(Object.entries(parsed.data.scores).filter(([, v]) => v !== undefined)) as Scores;
  return { scores, ...(parsed.data.model ? { model: parsed.data.model } : {}) };
}
