import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { isSentinelUrl, parseSentinelUrl } from './sentinel-url.js';

/** How a process reaches Redis: REDIS_URL plus what a URL cannot carry (certificates, sentinel password). */
export interface RedisSettings {
  /** REDIS_URL as configured; undefined means 127.0.0.1:6379. */
  url: string | undefined;
  /** For `rediss://`, `rediss-cluster://` and `rediss-sentinel://`: the CA, client certificate and key, the expected name. */
  tls?: ConnectionOptions;
  /** Password of the sentinels themselves, when they have one (REDIS_SENTINEL_PASSWORD). */
  sentinelPassword?: string;
  /** ACL user and password of the data nodes, for a URL without credentials (REDIS_USERNAME, REDIS_PASSWORD). */
  username?: string;
  password?: string;
}

export interface RedisSettingsInput {
  REDIS_URL?: string | undefined;
  REDIS_TLS_CA_FILE?: string | undefined;
  REDIS_TLS_CERT_FILE?: string | undefined;
  REDIS_TLS_KEY_FILE?: string | undefined;
  REDIS_TLS_SERVERNAME?: string | undefined;
  REDIS_SENTINEL_PASSWORD?: string | undefined;
  REDIS_USERNAME?: string | undefined;
  REDIS_PASSWORD?: string | undefined;
}

export const usesTls = (url: string | undefined): boolean => /^rediss(-cluster|-sentinel)?:\/\//.test(url ?? '');

/** Checks REDIS_URL's shape; returns a message for the configuration error, or undefined when fine. */
export function redisUrlProblem(url: string): string | undefined {
  if (isSentinelUrl(url)) {
    try {
      parseSentinelUrl(url);
      return undefined;
    } catch (err) {
      return (err as Error).message;
    }
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (!/^rediss?(-cluster)?:$/.test(parsed.protocol)) {
    return 'must start with redis://, rediss://, redis-cluster://, rediss-cluster://, redis-sentinel:// or rediss-sentinel://';
  }
  return undefined;
}

/**
 * Builds the settings once at boot, reading the certificate files: a missing or unreadable
 * file is a configuration error naming its variable, not a TLS failure later. Returns the
 * problems as `VARIABLE: message` lines.
 */
export function readRedisSettings(input: RedisSettingsInput): { settings: RedisSettings; problems: string[] } {
  const problems: string[] = [];
  const settings: RedisSettings = { url: input.REDIS_URL };
  if (input.REDIS_SENTINEL_PASSWORD) settings.sentinelPassword = input.REDIS_SENTINEL_PASSWORD;
  if (input.REDIS_USERNAME) settings.username = input.REDIS_USERNAME;
  if (input.REDIS_PASSWORD) settings.password = input.REDIS_PASSWORD;
  const files = { ca: 'REDIS_TLS_CA_FILE', cert: 'REDIS_TLS_CERT_FILE', key: 'REDIS_TLS_KEY_FILE' } as const;
  const tlsAsked = Object.values(files).some((v) => input[v]) || Boolean(input.REDIS_TLS_SERVERNAME);
  if (tlsAsked && !usesTls(input.REDIS_URL)) {
    problems.push('REDIS_TLS_*: set, but REDIS_URL does not use TLS (rediss://, rediss-cluster:// or rediss-sentinel://)');
  }
  if (Boolean(input.REDIS_TLS_CERT_FILE) !== Boolean(input.REDIS_TLS_KEY_FILE)) {
    problems.push('REDIS_TLS_CERT_FILE: a client certificate needs its key (REDIS_TLS_KEY_FILE), and the other way round');
  }
  if (usesTls(input.REDIS_URL)) {
    const tls: ConnectionOptions = {};
    for (const [option, variable] of Object.entries(files) as Array<[keyof typeof files, (typeof files)[keyof typeof files]]>) {
      const path = input[variable];
      if (!path) continue;
      try {
        tls[option] = readFileSync(path);
      } catch (err) {
        problems.push(`${variable}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
      }
    }
    if (input.REDIS_TLS_SERVERNAME) tls.servername = input.REDIS_TLS_SERVERNAME;
    settings.tls = tls;
  }
  return { settings, problems };
}
