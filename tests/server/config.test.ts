import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';

describe('loadConfig', () => {
  it('defaults to a local Neo4j on loopback port 7687, the API on 127.0.0.1:4000 and data in .data', () => {
    const config = loadConfig({}, '/work/x');
    // The local server's password is its data directory's, read when connecting, never from the environment.
    expect(config.neo4j).toEqual({ uri: 'bolt://127.0.0.1:7687', user: 'neo4j', password: undefined, database: undefined, external: false });
    expect(config.local.neo4jPasswordFile).toBe(path.resolve('/work/x/.data/neo4j-password'));
    expect(config.http).toEqual({ host: '127.0.0.1', port: 4000 });
    expect(config.local).toMatchObject({ dataDir: path.resolve('/work/x/.data'), heap: '2g', pageCache: '4g' });
  });

  it('takes NEO4J_URI as an existing server and does not start a local one', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j://cluster.example:7687', NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'pw' });
    expect(config.neo4j).toMatchObject({ uri: 'neo4j://cluster.example:7687', user: 'neo4j', external: true });
  });

  it('local ports follow CHUANTOU_NEO4J_BOLT_PORT and PORT so instances can run side by side', () => {
    const config = loadConfig({ CHUANTOU_NEO4J_BOLT_PORT: '7701', PORT: '4101', CHUANTOU_DATA_DIR: '/tmp/other' });
    expect(config.neo4j.uri).toBe('bolt://127.0.0.1:7701');
    expect(config.http.port).toBe(4101);
    expect(config.local.neo4jHome).toBe('/tmp/other/neo4j');
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['CHUANTOU_NEO4J_BOLT_PORT', { CHUANTOU_NEO4J_BOLT_PORT: '70000' }],
    ['NEO4J_URI', { NEO4J_URI: 'http://localhost:7474' }],
    ['CHUANTOU_NEO4J_HEAP', { CHUANTOU_NEO4J_HEAP: 'lots' }],
    ['NEO4J_PASSWORD', { NEO4J_USER: 'neo4j' }],
    ['CHUANTOU_PASSWORD_MIN_LENGTH', { CHUANTOU_PASSWORD_MIN_LENGTH: '6' }],
    ['CHUANTOU_LOCKOUT_ATTEMPTS', { CHUANTOU_LOCKOUT_ATTEMPTS: 'five' }],
    ['CHUANTOU_JURISDICTION_ENFORCED', { CHUANTOU_JURISDICTION_ENFORCED: 'ture' }],
    ['CHUANTOU_WATCHES', { CHUANTOU_WATCHES: 'true' }],
  ])('a bad value stops start-up with a message naming %s', (variable, env) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`^[\\s\\S]*${variable}=`));
  });

  it('reads the account policy, the first sysadmin\'s password and jurisdiction enforcement, with OWASP defaults', () => {
    expect(loadConfig({}).accounts).toEqual({
      policy: { passwordMinLength: 12, passwordHistory: 5, lockoutAttempts: 5, lockoutMinutes: 15, sessionIdleMinutes: 30, sessionMaxHours: 12 },
      adminPassword: undefined,
      jurisdictionEnforced: false,
    });
    const config = loadConfig({
      CHUANTOU_PASSWORD_MIN_LENGTH: '14',
      CHUANTOU_LOCKOUT_ATTEMPTS: '3',
      CHUANTOU_LOCKOUT_MINUTES: '60',
      CHUANTOU_SESSION_IDLE_MINUTES: '10',
      CHUANTOU_SESSION_MAX_HOURS: '8',
      CHUANTOU_ADMIN_PASSWORD: 'Admin-pass-2026',
      CHUANTOU_JURISDICTION_ENFORCED: 'true',
    });
    expect(config.accounts).toEqual({
      policy: { passwordMinLength: 14, passwordHistory: 5, lockoutAttempts: 3, lockoutMinutes: 60, sessionIdleMinutes: 10, sessionMaxHours: 8 },
      adminPassword: 'Admin-pass-2026',
      jurisdictionEnforced: true,
    });
  });

  it('the server guards itself by default: 1 MiB bodies, 30 s reads, no cross-site caller', () => {
    expect(loadConfig({})).toMatchObject({ server: { maxBodyBytes: 1024 * 1024, queryTimeoutMs: 30_000, corsOrigins: [] } });
    const configured = loadConfig({ CHUANTOU_MAX_BODY_BYTES: '65536', CHUANTOU_QUERY_TIMEOUT_MS: '5000', CHUANTOU_CORS_ORIGINS: 'https://portal.example.gov.cn, http://10.0.0.5:8080' });
    expect(configured.server).toMatchObject({ maxBodyBytes: 65536, queryTimeoutMs: 5000, corsOrigins: ['https://portal.example.gov.cn', 'http://10.0.0.5:8080'] });
  });

  it('runs the watches unless CHUANTOU_WATCHES=off (a server that should only answer)', () => {
    expect(loadConfig({}).watches).toEqual({ enabled: true });
    expect(loadConfig({ CHUANTOU_WATCHES: 'off' }).watches).toEqual({ enabled: false });
  });

  it.each(['*', 'https://portal.example.gov.cn/', 'portal.example.gov.cn', 'ftp://portal.example.gov.cn'])('CHUANTOU_CORS_ORIGINS=%s is not an exact origin and stops start-up', (origins) => {
    expect(() => loadConfig({ CHUANTOU_CORS_ORIGINS: origins })).toThrow(/CHUANTOU_CORS_ORIGINS=/);
  });
});
