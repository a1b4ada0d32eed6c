import { z } from 'zod';
import { MAX_SIMULATED, simulatePolicy } from '../../core/decision/simulate-policy.js';
import { errors } from '../../core/errors.js';
import { mergePolicy } from '../../core/sites/site-store.js';
import type { Policy, PolicyInput } from '../../core/sites/policy.js';
import { reasonSchema } from '../../protocol/reason-schemas.js';
import { errorResponses } from '../http/common-schemas.js';
import { defineRoute } from '../http/route-spec.js';
import { patchSiteBody, siteParams } from './site-schemas.js';

const status = z.enum(['approved', 'held', 'rejected']);

/** The proposed policy merged over the site's as a PATCH would merge it, with the same validation messages. */
function proposedPolicy(current: Policy, patch: PolicyInput): Policy {
  try {
    return mergePolicy(current, patch);
  } catch (err) {
    if (!(err instanceof z.ZodError)) throw err;
    throw errors.validation(err.issues.map((i) => ({ in: 'body', path: ['policy', ...i.path.map(String)].join('.'), message: i.message })));
  }
}

export const policySimulateRoutes = [
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/policy/simulate',
    operationId: 'simulatePolicy',
    summary:
      "What a policy change would have done to the site's last `limit` automatically decided comments: the one decision re-run from their stored scores and findings (no rescoring), each comment's move and the count of every from → to.",
    tags: ['sites'],
    auth: 'siteAdmin',
    params: siteParams,
    body: z
      .object({
        policy: patchSiteBody.shape.policy.unwrap().meta({ description: 'Policy fields to try, merged into the current policy as `PATCH /sites/:siteId` merges them.' }),
        limit: z.number().int().min(1).max(MAX_SIMULATED).default(500),
      })
      .strict(),
    responses: {
      200: {
        description: 'The replay: counts by from → to, and the comments that move (newest first, at most 500).',
        schema: z.object({
          considered: z.number().int(),
          replayed: z.number().int().meta({ description: 'Comments replayed; the others were erased, imported or decided before their trace was kept.' }),
          transitions: z.array(z.object({ from: status, to: status, count: z.number().int() })),
          moved: z.number().int(),
          comments: z.array(
            z.object({
              commentId: z.string(),
              articleId: z.string(),
              authorName: z.string(),
              body: z.string(),
              createdAt: z.string(),
              from: status,
              to: status,
              reasons: z.array(reasonSchema),
            }),
          ),
          partlySimulated: z
            .array(z.string())
            .meta({ description: 'Changed policy fields the replay judges only on what the checks had found (new words, domains or groups are found only in text read again).' }),
        }),
      },
      ...errorResponses,
    },
    handler: async ({ deps, req, params, body, site }) => {
      // the raw patch, as PATCH merges it: the parsed one has every default filled in
      const raw = (req.body as { policy?: PolicyInput }).policy ?? {};
      const current = site!.policy;
      const proposed = proposedPolicy(current, raw);
      return { status: 200, body: await simulatePolicy(deps, params.siteId, { current, proposed }, body.limit) };
    },
  }),
];
