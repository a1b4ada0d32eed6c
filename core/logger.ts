import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs. Comment bodies, e-mails and credentials are redacted so an info-level log can be
 * shipped to a log service without leaking readers' words or secrets.
 */
export function createLogger(level: string, name: string, destination?: DestinationStream): Logger {
  return pino(
    {
    name,
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["x-site-key"]',
        'req.headers.cookie',
        '*.body',
        '*.email',
        '*.token',
        '*.ssoSecret',
      ],
      censor: '[redacted]',
    },
    },
    destination,
  );
}
