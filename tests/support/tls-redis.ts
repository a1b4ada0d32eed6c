import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startPrivateRedis, type PrivateRedis } from './private-redis.js';

export interface TestPki {
  dir: string;
  /** The CA that signed the server and client certificates. */
  caFile: string;
  /** Another CA, which signed nothing Redis presents. */
  otherCaFile: string;
  serverCertFile: string;
  serverKeyFile: string;
  clientCertFile: string;
  clientKeyFile: string;
}

const openssl = (dir: string, args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });

function makeCa(dir: string, name: string): void {
  openssl(dir, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.crt`]);
}

function signed(dir: string, ca: string, name: string, extensions: string): void {
  writeFileSync(join(dir, `${name}.ext`), extensions);
  openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.csr`]);
  openssl(dir, ['x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.crt`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-days', '2', '-out', `${name}.crt`, '-extfile', `${name}.ext`]);
}

/**
 * Certificates made with openssl for the test: a CA, a Redis server certificate for the name
 * `serverName` only (no IP address, so connecting by 127.0.0.1 fails the name check), a client
 * certificate, and an unrelated CA.
 */
export function makeTestPki(dir: string, serverName = 'localhost'): TestPki {
  mkdirSync(dir, { recursive: true });
  makeCa(dir, 'ca');
  makeCa(dir, 'other-ca');
  signed(dir, 'ca', 'redis', `subjectAltName=DNS:${serverName}\nextendedKeyUsage=serverAuth\n`);
  signed(dir, 'ca', 'client', 'extendedKeyUsage=clientAuth\n');
  return {
    dir,
    caFile: join(dir, 'ca.crt'),
    otherCaFile: join(dir, 'other-ca.crt'),
    serverCertFile: join(dir, 'redis.crt'),
    serverKeyFile: join(dir, 'redis.key'),
    clientCertFile: join(dir, 'client.crt'),
    clientKeyFile: join(dir, 'client.key'),
  };
}

/**
 * A private redis-server with a TLS port that requires a client certificate, beside a
 * plain port on loopback for the test's own bookkeeping client.
 */
export async function startTlsRedis(pki: TestPki): Promise<PrivateRedis & { tlsPort: number }> {
  const tlsPort = await freePort();
  const redis = await startPrivateRedis([
    '--tls-port', String(tlsPort),
    '--tls-cert-file', pki.serverCertFile,
    '--tls-key-file', pki.serverKeyFile,
    '--tls-ca-cert-file', pki.caFile,
    '--tls-auth-clients', 'yes',
    '--maxmemory-policy', 'noeviction',
  ]);
  return Object.assign(redis, { tlsPort });
}
