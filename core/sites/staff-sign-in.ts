import { z } from 'zod';

/**
 * Who of the newsroom's identity provider moderates a site (sign-in with OpenID Connect): each
 * rule matches a verified e-mail domain or a group, and gives a role. A user matched by several
 * rules gets the highest role; a user matched by none has no access to the site.
 */
export const staffRuleSchema = z
  .object({
    emailDomain: z
      .string()
      .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a domain such as redaction.example.org')
      .transform((d) => d.toLowerCase())
      .optional(),
    group: z.string().min(1).max(200).optional(),
    role: z.enum(['moderator', 'admin']),
  })
  .strict()
  .refine((r) => Boolean(r.emailDomain) !== Boolean(r.group), 'a rule names either an emailDomain or a group');

export const staffSignInSchema = z
  .object({ rules: z.array(staffRuleSchema).max(50).default([]) })
  .strict()
  .meta({
    id: 'StaffSignIn',
    description: "Which users of the newsroom's OpenID provider moderate this site, by verified e-mail domain or group, with their role.",
  });

export type StaffSignIn = z.infer<typeof staffSignInSchema>;
export type StaffRole = z.infer<typeof staffRuleSchema>['role'];

/** What Palabre reads from the provider about a user: from the ID token and the UserInfo endpoint. */
export interface StaffClaims {
  email?: string;
  emailVerified: boolean;
  groups: string[];
}

const RANK: Record<StaffRole, number> = { moderator: 1, admin: 2 };

/** The role these claims give on a site, or null when no rule matches. An unverified e-mail matches no domain. */
export function staffRoleOn(signIn: StaffSignIn, claims: StaffClaims): StaffRole | null {
  const domain = claims.emailVerified && claims.email ? claims.email.slice(claims.email.lastIndexOf('@') + 1).toLowerCase() : undefined;
  let best: StaffRole | null = null;
  for (const rule of signIn.rules) {
    const matches = rule.emailDomain ? rule.emailDomain === domain : claims.groups.includes(rule.group!);
    if (matches && (!best || RANK[rule.role] > RANK[best])) best = rule.role;
  }
  return best;
}
