import type { Request } from 'express';
import { digest } from '../../core/ids.js';
import { errors } from '../../core/errors.js';
import { deviceIdSchema } from './comment-schemas.js';

/**
 * An anonymous reader is told apart by the SDK's device id, or failing that by the client
 * address. The id is a digest, so neither the device id nor the address is stored in clear.
 */
export function anonymousAuthorId(siteId: string, req: Request): string {
  const device = req.get('x-device-id');
  if (device !== undefined) {
    if (!deviceIdSchema.safeParse(device).success) {
      throw errors.validation([{ in: 'header', path: 'X-Device-Id', message: 'must be 8-128 URL-safe characters' }]);
    }
    return `a_${digest(siteId, 'device', device)}`;
  }
  return `a_${digest(siteId, 'ip', req.ip ?? 'unknown')}`;
}
