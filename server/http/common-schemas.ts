import { errorBodySchema } from '../../protocol/error-schemas.js';

/** Standard error responses, added to a route's own. */
export const errorResponses = {
  400: { description: 'Invalid input (`validation_failed`, `invalid_json`).', schema: errorBodySchema },
  401: { description: 'Missing or wrong credentials (`unauthorized`).', schema: errorBodySchema },
  403: {
    description: 'Credentials of another site, or a foreign Origin (`forbidden`, `origin_not_allowed`).',
    schema: errorBodySchema,
  },
  404: { description: 'Unknown site or resource.', schema: errorBodySchema },
} as const;
