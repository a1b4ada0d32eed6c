import { createSite, mergePolicy, requireSite, rotateSsoSecret, updateSite } from '../../core/sites/site-store.js';
import { redactPolicySecrets, type PolicyInput } from '../../core/sites/policy.js';
import { appendAudit } from '../../core/audit/audit-log.js';
import { errorResponses } from '../http/common-schemas.js';
import { actorOf } from '../moderation/actor.js';
import { defineRoute } from '../http/route-spec.js';
import { z } from 'zod';
import { createSiteBody, patchSiteBody, rotateSsoSecretBody, siteParams, siteSchema } from './site-schemas.js';

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
        ...(body.staffSignIn ? { staffSignIn: body.staffSignIn } : {}),
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
        ...(body.staffSignIn !== undefined ? { staffSignIn: body.staffSignIn } : {}),
        ...(rawPolicy ? { policy: rawPolicy } : {}),
      });
      const { ssoSecret: _a, publicKey: _b, previousSsoSecret: _e, ...before } = site!;
      const { ssoSecret: _c, publicKey: _d, previousSsoSecret: _f, ...after } = updated;
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
  defineRoute({
    method: 'post',
    path: '/sites/:siteId/sso-secret/rotate',
    operationId: 'rotateSsoSecret',
    summary: "Replace the site's SSO secret; the previous one is still accepted for graceSeconds (a day by default).",
    tags: ['sites'],
    auth: 'siteAdmin',
    params: siteParams,
    body: rotateSsoSecretBody,
    responses: {
      200: {
        description: 'The new secret, and until when the previous one is accepted.',
        schema: z.object({ ssoSecret: z.string(), previousSsoSecretUntil: z.string() }),
      },
      ...errorResponses,
    },
    handler: async ({ deps, params, body, caller }) => {
      const rotated = await rotateSsoSecret(deps, params.siteId, body.graceSeconds);
      deps.sites.forget(params.siteId);
      await appendAudit(deps, params.siteId, {
        at: new Date(deps.now()).toISOString(),
        actor: actorOf(caller.moderator),
        action: 'site.sso_secret_rotate',
        target: { type: 'site', id: params.siteId },
        before: null,
        after: { previousSsoSecretUntil: rotated.previousSsoSecretUntil },
      });
      return { status: 200, body: { ssoSecret: rotated.ssoSecret, previousSsoSecretUntil: rotated.previousSsoSecretUntil! } };
    },
  }),
];
