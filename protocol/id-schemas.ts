/** zod schemas of the ids every request and event carries. */
import { z } from 'zod';

/** ULID, as the server makes them (core/ids.ts). */
export const idSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an id (ULID)');

/** Article ids are chosen by the site: 1..200 URL-safe characters. */
export const articleIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._~-]{1,200}$/, 'must be 1-200 URL-safe characters (letters, digits, . _ ~ -)');
