import type { CoreDeps } from '../deps.js';
import { errors } from '../errors.js';
import { newSecret } from '../ids.js';
import { policySchema, type Policy, type PolicyInput } from './policy.js';
import { mergeProviders } from './provider-policy.js';
import { mergeAlerts } from '../alerts/alert-policy.js';
import { staffSignInSchema, type StaffSignIn } from './staff-sign-in.js';

export interface Site {
  id: string;
  name: string;
  /** Browser origins allowed to post and subscribe, e.g. `https://www.example.com`. */
  origins: string[];
  /** Public key the embed sends as X-Site-Key; not a secret, it identifies the site. */
  publicKey: string;
  /** Secret the site signs its readers' SSO JWTs with (HS256). */
  ssoSecret: string;
  /** During a rotation, the secret before ssoSecret, still accepted until previousSsoSecretUntil. */
  previousSsoSecret?: string;
  previousSsoSecretUntil?: string;
  /** Which staff of the newsroom's OpenID provider moderate the site, with which role. */
  staffSignIn: StaffSignIn;
  policy: Policy;
  createdAt: string;
}

export interface NewSite {
  name: string;
  origins: string[];
  policy?: PolicyInput;
  staffSignIn?: StaffSignIn;
}

export interface SitePatch {
  name?: string;
  origins?: string[];
  /** Replaces the sign-in rules as a whole. */
  staffSignIn?: StaffSignIn;
  /** Merged into the current policy field by field (thresholds and velocity too). */
  policy?: PolicyInput;
}

export async function createSite(deps: CoreDeps, input: NewSite): Promise<Site> {
  const now = deps.now();
  const site: Site = {
    id: deps.newId(),
    name: input.name,
    origins: input.origins,
    publicKey: newSecret('pk_', 18),
    ssoSecret: newSecret('sso_', 32),
    staffSignIn: staffSignInSchema.parse(input.staffSignIn ?? {}),
    policy: policySchema.parse(input.policy ?? {}),
    createdAt: new Date(now).toISOString(),
  };
  // Three hash slots (the site's, the key index's, the site list's): no MULTI on Redis Cluster.
  // Written in this order, a crash in between leaves at most a site that is not listed yet.
  await deps.redis.hset(deps.keys.site(site.id), toHash(site));
  await deps.redis.hset(deps.keys.siteKeys, site.publicKey, site.id);
  await deps.redis.zadd(deps.keys.sites, now, site.id);
  return site;
}

export async function getSite(deps: CoreDeps, siteId: string): Promise<Site | null> {
  const h = await deps.redis.hgetall(deps.keys.site(siteId));
  return h.id ? fromHash(h) : null;
}

export async function requireSite(deps: CoreDeps, siteId: string): Promise<Site> {
  const site = await getSite(deps, siteId);
  if (!site) throw errors.siteNotFound();
  return site;
}

export async function updateSite(deps: CoreDeps, siteId: string, patch: SitePatch): Promise<Site> {
  const current = await requireSite(deps, siteId);
  const next: Site = {
    ...current,
    name: patch.name ?? current.name,
    origins: patch.origins ?? current.origins,
    staffSignIn: patch.staffSignIn ?? current.staffSignIn,
    policy: patch.policy ? mergePolicy(current.policy, patch.policy) : current.policy,
  };
  await deps.redis.hset(deps.keys.site(siteId), toHash(next));
  return next;
}

/**
 * A new SSO secret for the site's readers' tokens; the current one is still accepted for
 * `graceSeconds`, so the site can deploy the new secret without signing anyone out.
 */
export async function rotateSsoSecret(deps: CoreDeps, siteId: string, graceSeconds: number): Promise<Site> {
  const current = await requireSite(deps, siteId);
  const next: Site = {
    ...current,
    ssoSecret: newSecret('sso_', 32),
    previousSsoSecret: current.ssoSecret,
    previousSsoSecretUntil: new Date(deps.now() + graceSeconds * 1000).toISOString(),
  };
  await deps.redis.hset(deps.keys.site(siteId), toHash(next));
  return next;
}

/** The secrets a reader's SSO token may be signed with now: the current one, then the previous during its window. */
export function ssoSecretsOf(site: Site, now: number): string[] {
  const previous = site.previousSsoSecret && site.previousSsoSecretUntil && Date.parse(site.previousSsoSecretUntil) > now;
  return previous ? [site.ssoSecret, site.previousSsoSecret!] : [site.ssoSecret];
}

/** Applies a partial policy on top of the current one; nested objects merge one level deep (providers two). */
export function mergePolicy(current: Policy, patch: PolicyInput): Policy {
  return policySchema.parse({
    ...current,
    ...patch,
    thresholds: {
      toxicity: { ...current.thresholds.toxicity, ...patch.thresholds?.toxicity },
      spam: { ...current.thresholds.spam, ...patch.thresholds?.spam },
      severe: { ...current.thresholds.severe, ...patch.thresholds?.severe },
    },
    velocity: { ...current.velocity, ...patch.velocity },
    surge: { ...current.surge, ...patch.surge },
    flood: { ...current.flood, ...patch.flood },
    providers: mergeProviders(current.providers, patch.providers),
    alerts: mergeAlerts(current.alerts, patch.alerts),
  });
}

/** Which site a public key belongs to, if any. */
export async function siteIdForKey(deps: CoreDeps, publicKey: string): Promise<string | null> {
  return deps.redis.hget(deps.keys.siteKeys, publicKey);
}

export async function listSiteIds(deps: CoreDeps): Promise<string[]> {
  return deps.redis.zrange(deps.keys.sites, '0', '-1');
}

function toHash(site: Site): Record<string, string> {
  return {
    id: site.id,
    name: site.name,
    origins: JSON.stringify(site.origins),
    publicKey: site.publicKey,
    ssoSecret: site.ssoSecret,
    previousSsoSecret: site.previousSsoSecret ?? '',
    previousSsoSecretUntil: site.previousSsoSecretUntil ?? '',
    staffSignIn: JSON.stringify(site.staffSignIn),
    policy: JSON.stringify(site.policy),
    createdAt: site.createdAt,
  };
}

function fromHash(h: Record<string, string>): Site {
  return {
    id: h.id!,
    name: h.name ?? '',
    origins: JSON.parse(h.origins ?? '[]') as string[],
    publicKey: h.publicKey ?? '',
    ssoSecret: h.ssoSecret ?? '',
    ...(h.previousSsoSecret ? { previousSsoSecret: h.previousSsoSecret, previousSsoSecretUntil: h.previousSsoSecretUntil ?? '' } : {}),
    staffSignIn: staffSignInSchema.parse(JSON.parse(h.staffSignIn || '{}')),
    // parse again: policies stored by an older version gain the new fields' defaults
    policy: policySchema.parse(JSON.parse(h.policy ?? '{}')),
    createdAt: h.createdAt ?? '',
  };
}
