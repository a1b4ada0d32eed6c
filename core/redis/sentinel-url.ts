/**
 * `REDIS_URL=redis-sentinel://[user:password@]host:port[,host:port…]/mastername` selects Redis
 * Sentinel (`rediss-sentinel://` with TLS to the sentinels and the data nodes). The credentials
 * are the data nodes'; sentinels that need a password of their own get REDIS_SENTINEL_PASSWORD.
 * Not a WHATWG URL (several hosts), hence a parser of its own.
 */
export const isSentinelUrl = (url: string | undefined): url is string => /^rediss?-sentinel:\/\//.test(url ?? '');

export interface SentinelUrl {
  sentinels: Array<{ host: string; port: number }>;
  /** The master group name the sentinels monitor (`sentinel monitor <name> …`). */
  name: string;
  username?: string;
  password?: string;
  tls: boolean;
}

/** Sentinel's default port, used for a host given without one. */
export const SENTINEL_PORT = 26_379;

const SHAPE = /^(rediss?)-sentinel:\/\/(?:([^@/]*)@)?([^/?#]+)(?:\/([^/?#]*))?\/?$/;
const HOST_PORT = /^(?:\[([0-9a-fA-F:.]+)\]|([A-Za-z0-9._-]+))(?::(\d{1,5}))?$/;

/** Parses a sentinel URL, or throws an Error saying what is wrong with it (no secret in the message). */
export function parseSentinelUrl(url: string): SentinelUrl {
  const m = SHAPE.exec(url);
  if (!m) throw new Error('must look like redis-sentinel://host:port[,host:port…]/mastername');
  const [, scheme, userinfo, hostList, name] = m;
  if (!name || !/^[A-Za-z0-9._-]{1,128}$/.test(name)) {
    throw new Error('must end with the master group name the sentinels monitor, e.g. …/mymaster');
  }
  const sentinels = hostList!.split(',').map((entry) => {
    const hp = HOST_PORT.exec(entry.trim());
    const port = Number(hp?.[3] ?? SENTINEL_PORT);
    if (!hp || port < 1 || port > 65_535) throw new Error(`"${entry}" is not a sentinel host:port`);
    return { host: hp[1] ?? hp[2]!, port };
  });
  const out: SentinelUrl = { sentinels, name, tls: scheme === 'rediss' };
  if (userinfo) {
    const colon = userinfo.indexOf(':');
    const user = decodeURIComponent(colon >= 0 ? userinfo.slice(0, colon) : '');
    const password = decodeURIComponent(colon >= 0 ? userinfo.slice(colon + 1) : userinfo);
    if (user) out.username = user;
    if (password) out.password = password;
  }
  return out;
}
