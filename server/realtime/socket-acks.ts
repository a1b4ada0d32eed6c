import type { z } from 'zod';
import type { Ack, AckCallback } from '../../protocol/events.js';
import { errors } from '../../core/errors.js';
import { toPalabreError } from '../http/error-handler.js';

/**
 * Wraps a socket event handler: validates the message, runs the handler, and always answers
 * the acknowledgement with `{ok: true, …}` or `{ok: false, error: {code, message}}`.
 */
export function withAck<S extends z.ZodType, T extends object>(
  schema: S,
  handler: (msg: z.output<S>) => Promise<T>,
  onError: (err: unknown) => void,
) {
  return async (raw: unknown, ack: unknown): Promise<void> => {
    const reply: AckCallback<T> = typeof ack === 'function' ? (ack as AckCallback<T>) : () => {};
    let answer: Ack<T>;
    try {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        throw errors.validation(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
      }
      answer = { ok: true, ...(await handler(parsed.data)) };
    } catch (err) {
      const e = toPalabreError(err);
      if (e.status >= 500) onError(err);
      answer = { ok: false, error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } };
    }
    reply(answer);
  };
}
