import { z } from 'zod';

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable machine-readable code.' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

/** Standard error responses, added to a route's own. */
export const errorResponses = {
  400: { description: 'Invalid input (`validation_failed`, `invalid_json`).', schema: errorResponseSchema },
  401: { description: 'Missing or wrong credentials (`unauthorized`).', schema: errorResponseSchema },
  403: {
    description: 'Credentials of another site, or a foreign Origin (`forbidden`, `origin_not_allowed`).',
    schema: errorResponseSchema,
  },
  404: { description: 'Unknown site or resource.', schema: errorResponseSchema },
} as const;
