import path from 'node:path';
import fs from 'node:fs';
import { connect } from '/work/main/cypher/run.ts';
import { freePort, startLocalNeo4j } from '/work/main/neo4j/localServer.ts';
import { runAnalysis } from '/work/main/analyses/index.ts';
const dir = fs.readdirSync('/work/main/.bench/provinces').find((d) => d.startsWith('10k'))!;
const home = path.join('/work/main/.bench/provinces', dir, 'neo4j');
const server = await startLocalNeo4j({ home, boltPort: await freePort(), heap: '2g', pageCache: '2g' });
const graph = connect({ uri: server.uri });
try {
  const q = fs.readFileSync('/work/main/bench/cypher/samples/webFirms.cypher', 'utf8');
  const firms = (await graph.driver.executeQuery(q, { n: (await import('neo4j-driver')).default.int(100) })).records.map((r) => r.get('key') as string);
  let i = 0;
  const n = Number(process.argv[2] ?? 300);
  for (let k = 0; k < 50; k++) await runAnalysis(graph, 'beneficial-owners', { firm: firms[i++ % firms.length] }, { jurisdiction: '320000' });
  const ms: number[] = [];
  for (let k = 0; k < n; k++) { const t = performance.now(); await runAnalysis(graph, 'beneficial-owners', { firm: firms[i++ % firms.length] }, { jurisdiction: '320000' }); ms.push(performance.now() - t); }
  ms.sort((a, b) => a - b);
  console.log('BO webs p50', ms[Math.floor(n / 2)]!.toFixed(1), 'p95', ms[Math.floor(n * 0.95)]!.toFixed(1));
} finally {
  await graph.close();
  await server.stop();
}
