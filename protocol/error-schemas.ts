/** zod schema of the REST error body, checked against its type (`satisfies`). */
import { z } from 'zod';
import { isErrorCode, type ErrorBody } from './error-codes.js';

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().refine(isErrorCode).meta({ description: 'Stable machine-readable code.' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' }) satisfies z.ZodType<ErrorBody>;
