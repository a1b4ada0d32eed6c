import { z } from 'zod';
import { appendAudit } from '../../core/audit/audit-log.js';
import { adaptationInfo, resetAdaptation } from '../../core/learning/site-adaptation-store.js';
import { errorResponses } from '../http/common-schemas.js';
import { idSchema } from '../../protocol/id-schemas.js';
import { defineRoute } from '../http/route-spec.js';
import { actorOf } from './actor.js';

const siteParams = z.object({ siteId: idSchema });
const infoSchema = z
  .object({
    version: z.number(),
    attributes: z.record(
      z.string(),
      z.object({
        updates: z.number().meta({ description: 'Moderator decisions learned from.' }),
        weights: z.number().meta({ description: 'Hashed text features with a learned state (FTRL), at most 20,000.' }),
        slope: z.number().meta({ description: "The site's calibration: score = σ(slope × corrected logit + bias); 1 until fitted." }),
        bias: z.number().meta({ description: "The site's calibration shift; 0 until fitted." }),
      }),
    ),
    rejectedTexts: z.number().meta({ description: 'Comments moderators rejected that the site remembers, to hold their near-copies.' }),
  })
  .meta({ id: 'SiteAdaptation' });

export const adaptationRoutes = [
  defineRoute({
    method: 'get',
    path: '/sites/:siteId/adaptation',
    operationId: 'getAdaptation',
    summary: "What the site learned from its moderators: version, decisions learned per attribute, features kept, calibration, rejected texts remembered.",
    tags: ['learning'],
    auth: 'moderator',
    params: siteParams,
    responses: { 200: { description: 'The adaptation.', schema: infoSchema }, ...errorResponses },
    handler: async ({ deps, params }) => ({ status: 200, body: await adaptationInfo(deps, params.siteId) }),
  }),
  defineRoute({
    method: 'delete',
    path: '/sites/:siteId/adaptation',
    operationId: 'resetAdaptation',
    summary: 'Forget what the site learned, rejected texts included: scores go back to the shipped models (a new version starts).',
    tags: ['learning'],
    auth: 'siteAdmin',
    params: siteParams,
    responses: { 200: { description: 'The reset adaptation.', schema: infoSchema }, ...errorResponses },
    handler: async ({ deps, params, caller }) => {
      const before = await adaptationInfo(deps, params.siteId);
      await resetAdaptation(deps, params.siteId);
      const after = await adaptationInfo(deps, params.siteId);
      await appendAudit(deps, params.siteId, {
        at: new Date(deps.now()).toISOString(),
        actor: actorOf(caller.moderator),
        action: 'site.adaptation_reset',
        target: { type: 'site', id: params.siteId },
        before,
        after,
      });
      return { status: 200, body: after };
    },
  }),
];
