import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.ts';

describe('loadConfig', () => {
  it('defaults to a local Neo4j on loopback port 7687, the API on 127.0.0.1:4000 and data in .data', () => {
    const config = loadConfig({}, '/work/x');
    expect(config.neo4j).toEqual({ uri: 'bolt://127.0.0.1:7687', user: undefined, password: undefined, database: undefined, external: false });
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
  ])('a bad value stops start-up with a message naming %s', (variable, env) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`^[\\s\\S]*${variable}=`));
  });
});
