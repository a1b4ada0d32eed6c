import { z } from 'zod';
import { policySchema } from '../../core/sites/policy.js';
import { staffSignInSchema } from '../../core/sites/staff-sign-in.js';
import { idSchema } from '../../protocol/id-schemas.js';

/** A browser origin: scheme, host and optional port, nothing else (`https://news.example`). */
export const originSchema = z
  .string()
  .max(300)
  .refine((s) => {
    try {
      return new URL(s).origin === s && /^https?:$/.test(new URL(s).protocol);
    } catch {
      return false;
    }
  }, 'must be an origin such as https://www.example.com (scheme and host, no path or trailing slash)');

const nameSchema = z.string().overwrite((s) => s.trim()).min(1).max(120);

export const siteParams = z.object({ siteId: idSchema });

export const createSiteBody = z
  .object({
    name: nameSchema,
    origins: z.array(originSchema).max(50),
    policy: policySchema.optional(),
    staffSignIn: staffSignInSchema.optional(),
  })
  .strict();

export const patchSiteBody = z
  .object({
    name: nameSchema.optional(),
    origins: z.array(originSchema).max(50).optional(),
    policy: policySchema.partial().optional(),
    /** Replaces the rules as a whole. */
    staffSignIn: staffSignInSchema.optional(),
  })
  .strict();

/** Grace period of the previous SSO secret after a rotation: a day by default, at most 30. */
export const rotateSsoSecretBody = z
  .object({ graceSeconds: z.number().int().min(0).max(30 * 86_400).default(86_400) })
  .strict();

export const siteSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    origins: z.array(z.string()),
    publicKey: z.string().meta({ description: 'Sent by the embed as X-Site-Key. Not secret.' }),
    ssoSecret: z.string().meta({ description: 'Signs reader SSO JWTs (HS256). Keep it secret.' }),
    previousSsoSecret: z.string().optional().meta({ description: 'After a rotation: the former secret, still accepted until previousSsoSecretUntil.' }),
    previousSsoSecretUntil: z.string().optional(),
    staffSignIn: staffSignInSchema,
    policy: policySchema,
    createdAt: z.string(),
  })
  .meta({ id: 'Site' });
