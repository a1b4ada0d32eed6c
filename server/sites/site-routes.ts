import { createSite, mergePolicy, requireSite, updateSite } from '../../core/sites/site-store.js';
import { redactPolicySecrets, type PolicyInput } from '../../core/sites/policy.js';
import { appendAudit } from '../../core/audit/audit-log.js';
import { errorResponses } from '../http/common-schemas.js';
import { actorOf } from '../moderation/actor.js';
import { defineRoute } from '../http/route-spec.js';
import { createSiteBody, patchSiteBody, siteParams, siteSchema } from './site-schemas.js';

export const siteRoutes = [
  defineRoute({
    method: 'post',
    path: '/sites',
    operationId: 'createSite',
    summary: 'Create a site; returns its public key and SSO secret.',
    tags: ['sites'],
    auth: 'admin',
    body: createSiteBody,
    responses: { 201: { description: 'Created.', schema: siteSchema }, ...errorResponses },
    handler: async ({ deps, req, body }) => ({
      status: 201,
      // the raw policy, so fields left out take their defaults in one place (the policy schema)
      body: await createSite(deps, {
        name: body.name,
        origins: body.origins,
        policy: (req.body as { policy?: PolicyInput }).policy ?? {},
      }),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/sites/:siteId',
    operationId: 'getSite',
    summary: 'A site with its keys and policy.',
    tags: ['sites'],
    auth: 'siteAdmin',
    params: siteParams,
    responses: { 200: { description: 'The site.', schema: siteSchema }, ...errorResponses },
    handler: async ({ deps, params }) => ({ status: 200, body: await requireSite(deps, params.siteId) }),
  }),
  defineRoute({
    method: 'patch',
    path: '/sites/:siteId',
    operationId: 'updateSite',
    summary: 'Change the name, origins or policy of a site; policy fields merge into the current policy.',
    tags: ['sites'],
    auth: 'siteAdmin',
    params: siteParams,
    body: patchSiteBody,
    responses: { 200: { description: 'The updated site.', schema: siteSchema }, ...errorResponses },
    handler: async ({ deps, req, params, body, site, caller }) => {
      // merge the raw patch: the parsed one has every default filled in and would reset fields
      const rawPolicy = (req.body as { policy?: PolicyInput }).policy;
      if (rawPolicy && site) mergePolicy(site.policy, rawPolicy); // throws on an invalid combination
      deps.sites.forget(params.siteId);
      const updated = await updateSite(deps, params.siteId, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.origins !== undefined ? { origins: body.origins } : {}),
        ...(rawPolicy ? { policy: rawPolicy } : {}),
      });
      const { ssoSecret: _a, publicKey: _b, ...before } = site!;
      const { ssoSecret: _c, publicKey: _d, ...after } = updated;
      await appendAudit(deps, params.siteId, {
        at: new Date(deps.now()).toISOString(),
        actor: actorOf(caller.moderator),
        action: 'site.update',
        target: { type: 'site', id: params.siteId },
        // provider keys and headers are secrets too: the audit log shows that they changed, not their value
        before: { ...before, policy: redactPolicySecrets(before.policy) },
        after: { ...after, policy: redactPolicySecrets(after.policy) },
      });
      deps.sites.forget(params.siteId);
      return { status: 200, body: updated };
    },
  }),
];
