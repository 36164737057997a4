import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { reportDocument, type ReportDocument } from '../../exporters/document.ts';
import { reportGraphml } from '../../exporters/graphml.ts';
import { ftmEntityId, reportFtm, type FtmEntity } from '../../exporters/ftm.ts';
import { evidenceBundle, verifyBundle, type BundleStamp } from '../../exporters/bundle.ts';

/**
 * Interchange out of a report run — the network as GraphML (Gephi) and as FollowTheMoney entities
 * (Aleph) — and the evidence bundle, which must verify as written and be rejected once anything
 * in it is changed, added or taken away.
 */

function fixture(name: string): ReportDocument {
  return reportDocument.parse(JSON.parse(fs.readFileSync(`tests/fixtures/exporters/${name}.report.json`, 'utf8')));
}

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A strict XML 1.0 parse (saxes, namespace-aware): throws on anything not well formed. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  parser.on('error', (err) => {
    throw err;
  });
  parser.on('opentag', (tag) => {
    const el: XmlElement = { name: tag.local, attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value])), children: [], text: '' };
    stack.at(-1)?.children.push(el);
    root ??= el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return root!;
}

describe('GraphML export', () => {
  it('is well-formed XML with one node per entity and one edge per relationship of the network, every attribute declared and typed', () => {
    const document = fixture('flaggedControllers');
    const root = parseXml(reportGraphml(document));
    expect(root.name).toBe('graphml');
    const keys = new Map(root.children.filter((c) => c.name === 'key').map((k) => [k.attributes.id!, k.attributes]));
    const graph = root.children.find((c) => c.name === 'graph')!;
    expect(graph.attributes.edgedefault).toBe('directed');
    const nodes = graph.children.filter((c) => c.name === 'node');
    const edges = graph.children.filter((c) => c.name === 'edge');
    expect(nodes).toHaveLength(document.network.nodes.length);
    expect(edges).toHaveLength(document.network.edges.length);
    const nodeIds = new Set(nodes.map((n) => n.attributes.id));
    for (const e of edges) {
      expect(nodeIds.has(e.attributes.source)).toBe(true);
      expect(nodeIds.has(e.attributes.target)).toBe(true);
    }
    const attrs = (el: XmlElement) => Object.fromEntries(el.children.filter((c) => c.name === 'data').map((d) => [keys.get(d.attributes.key!)!['attr.name'], d.text]));
    for (const el of [...nodes, ...edges]) for (const d of el.children) expect(keys.has(d.attributes.key!), d.attributes.key).toBe(true);

    const jia = nodes.find((n) => n.attributes.id === 'P-IYLH6RNKFOABH3ZRAX56OJCJ')!;
    expect(attrs(jia)).toMatchObject({ kind: 'PERSON', name: '甲控', label: '甲控' });
    const holding = edges.find((e) => e.attributes.source === 'P-IYLH6RNKFOABH3ZRAX56OJCJ' && e.attributes.target === '91320100MA1FC00015')!;
    expect(attrs(holding)).toMatchObject({ type: 'HOLDS_SHARES', ratio: '0.8', label: '80%' });
    expect([...keys.values()].find((k) => k['attr.name'] === 'ratio')!['attr.type']).toBe('double');
    const officer = edges.find((e) => attrs(e).type === 'OFFICER_OF')!;
    expect(attrs(officer).role).toBeTruthy();
    const flag = edges.find((e) => attrs(e).type === 'FLAGGED' && e.attributes.target === 'L-e4ccb60229e015080c06cad2')!;
    expect(attrs(flag)).toMatchObject({ 'detail.caseNo': '苏公经立字〔2020〕0002号', 'detail.amountWan': '2000' });
    expect([...keys.values()].find((k) => k['attr.name'] === 'detail.amountWan')!['attr.type']).toBe('double');
  });

  it('escapes markup in names and drops characters XML cannot carry', () => {
    const document = fixture('beneficialOwners');
    document.network.nodes[0]!.name = '<b>A&B</b> "公司" \'x\'\u0001';
    const root = parseXml(reportGraphml(document));
    const node = root.children.find((c) => c.name === 'graph')!.children.find((c) => c.name === 'node')!;
    expect(node.children.map((d) => d.text)).toContain('<b>A&B</b> "公司" \'x\'');
  });
});

describe('FollowTheMoney export', () => {
  const document = fixture('flaggedControllers');
  const entities: FtmEntity[] = reportFtm(document)
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as FtmEntity);
  const byId = new Map(entities.map((e) => [e.id, e]));

  it('writes every entity of the network once, under a stable id derived from its key, in its FtM schema', () => {
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
    for (const n of document.network.nodes) {
      const matching = entities.filter((e) => e.id === ftmEntityId(n.key));
      expect(matching, n.key).toHaveLength(1);
      expect(matching[0]!.schema).toBe({ COMPANY: 'Company', PERSON: 'Person', LIST_ENTRY: 'Sanction' }[n.kind as string]);
    }
    expect(byId.get('ct-91320100MA1FC0004E')!.properties).toMatchObject({ name: ['测试涉案二有限公司'], registrationNumber: ['91320100MA1FC0004E'], jurisdiction: ['cn'] });
    expect(byId.get('ct-P-IYLH6RNKFOABH3ZRAX56OJCJ')!.properties).toEqual({ name: ['甲控'] });
    // A case naming two firms is one Sanction with both.
    expect(byId.get('ct-L-e4ccb60229e015080c06cad2')!.properties).toMatchObject({
      entity: ['ct-91320100MA1FC0004E', 'ct-91320100MA1FC0005H'],
      program: ['非法集资案件'],
      authorityId: ['苏公经立字〔2020〕0002号'],
      listingDate: ['2020-05-01'],
    });
    // Same input, same ids: a second export merges in Aleph instead of duplicating.
    expect(reportFtm(document)).toBe(reportFtm(fixture('flaggedControllers')));
  });

  it('writes each holding as an Ownership with its percentage, and offices as Directorships with the role', () => {
    const ownerships = entities.filter((e) => e.schema === 'Ownership');
    const holdings = document.network.edges.filter((e) => e.type === 'HOLDS_SHARES');
    expect(ownerships).toHaveLength(holdings.length);
    for (const h of holdings) {
      const o = ownerships.find((x) => x.properties.owner![0] === ftmEntityId(h.source) && x.properties.asset![0] === ftmEntityId(h.target));
      expect(o, `${h.source} → ${h.target}`).toBeDefined();
      expect(Number(o!.properties.percentage![0])).toBeCloseTo(h.ratio! * 100, 9);
    }
    const eighty = ownerships.find((x) => x.properties.owner![0] === 'ct-P-IYLH6RNKFOABH3ZRAX56OJCJ' && x.properties.asset![0] === 'ct-91320100MA1FC00015')!;
    expect(eighty.properties.percentage).toEqual(['80']);

    const directorships = entities.filter((e) => e.schema === 'Directorship');
    expect(directorships).toHaveLength(document.network.edges.filter((e) => e.type === 'OFFICER_OF' || e.type === 'LEGAL_REPRESENTATIVE_OF').length);
    const ding = directorships.filter((d) => d.properties.director![0] === 'ct-P-UK4DY6K4TSRVHEJ533MVEIBM' && d.properties.organization![0] === 'ct-91320100MA1FC0019Y');
    expect(ding.map((d) => d.properties.role![0]).sort()).toEqual(['执行董事', '法定代表人'].sort());
    const nominee = entities.find((e) => e.schema === 'UnknownLink' && e.properties.subject![0] === 'ct-P-NQGYH65FY3LJNHG3TMQ2XV5G' && e.properties.object![0] === 'ct-91320100MA1FC0007P')!;
    expect(nominee.properties).toMatchObject({ role: ['控制 control（代持）'], startDate: ['2017-01-01'] });
    expect(entities.filter((e) => e.schema === 'Similar')).toHaveLength(2);
    // Every link points at entities that are in the file.
    for (const e of entities) for (const p of ['owner', 'asset', 'director', 'organization', 'subject', 'object', 'candidate', 'match', 'entity']) for (const id of e.properties[p] ?? []) expect(byId.has(id), `${e.schema}.${p} ${id}`).toBe(true);
  });
});

describe('evidence bundle', () => {
  const stamp: BundleStamp = {
    locale: 'zh',
    exportedBy: 'inv1',
    exportedAt: '2026-12-07T15:00:00.000Z',
    runId: 'r-fixture',
    contentHash: 'c'.repeat(64),
    auditEntry: { seq: 42, hmac: 'f'.repeat(64), at: '2026-12-07T15:00:00.000Z' },
  };
  const files = [
    { name: 'report.json', bytes: Buffer.from('{"报告":"测试"}\n') },
    { name: 'network.graphml', bytes: Buffer.from(reportGraphml(fixture('beneficialOwners'))) },
    { name: 'report.xlsx', bytes: Buffer.from([0x50, 0x4b, 3, 4, 0, 1, 2, 3]) },
  ];

  async function entriesOf(zip: Buffer): Promise<{ name: string; bytes: Buffer }[]> {
    const z = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
    const out: { name: string; bytes: Buffer }[] = [];
    await new Promise<void>((resolve, reject) => {
      z.on('entry', (e: yauzl.Entry) => {
        z.openReadStreamPromise(e)
          .then(async (stream) => {
            const chunks: Buffer[] = [];
            for await (const c of stream as Readable) chunks.push(c as Buffer);
            out.push({ name: e.fileName, bytes: Buffer.concat(chunks) });
            z.readEntry();
          })
          .catch(reject);
      });
      z.on('end', () => resolve()).on('error', reject);
      z.readEntry();
    });
    return out;
  }

  async function zipOf(entries: { name: string; bytes: Buffer }[]): Promise<Buffer> {
    const z = new yazl.ZipFile();
    for (const e of entries) z.addBuffer(e.bytes, e.name);
    z.end();
    const chunks: Buffer[] = [];
    for await (const c of z.outputStream as Readable) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }

  it('verifies as written: the manifest names each file with its SHA-256, the run, its content hash and the audit entry', async () => {
    const zip = await evidenceBundle(files, stamp);
    const result = await verifyBundle(zip);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.manifest).toMatchObject({
      format: 'chuantou.bundle/1',
      runId: 'r-fixture',
      contentHash: 'c'.repeat(64),
      exportedBy: 'inv1',
      auditEntry: { seq: 42 },
      files: [
        { name: 'report.json', bytes: files[0]!.bytes.length, sha256: createHash('sha256').update(files[0]!.bytes).digest('hex') },
        { name: 'network.graphml' },
        { name: 'report.xlsx' },
      ],
    });
    // The same export gives the same bytes.
    expect((await evidenceBundle(files, stamp)).equals(zip)).toBe(true);
  });

  it('rejects a copy with one byte changed in one file, naming the file', async () => {
    const entries = await entriesOf(await evidenceBundle(files, stamp));
    const xlsx = entries.find((e) => e.name === 'report.xlsx')!;
    xlsx.bytes = Buffer.from(xlsx.bytes);
    xlsx.bytes[5]! ^= 0x01;
    const result = await verifyBundle(await zipOf(entries));
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, p.file])).toEqual([['HASH_MISMATCH', 'report.xlsx']]);
  });

  it('rejects a copy with a file added, one taken away, or a manifest that is not one', async () => {
    const entries = await entriesOf(await evidenceBundle(files, stamp));
    const added = await verifyBundle(await zipOf([...entries, { name: 'extra.pdf', bytes: Buffer.from('%PDF-1.7') }]));
    expect(added.problems.map((p) => [p.code, p.file])).toEqual([['FILE_UNLISTED', 'extra.pdf']]);
    const removed = await verifyBundle(await zipOf(entries.filter((e) => e.name !== 'network.graphml')));
    expect(removed.problems.map((p) => [p.code, p.file])).toEqual([['FILE_MISSING', 'network.graphml']]);
    const manifest = JSON.parse(entries[0]!.bytes.toString('utf8'));
    delete manifest.contentHash;
    const broken = await verifyBundle(await zipOf([{ name: 'manifest.json', bytes: Buffer.from(JSON.stringify(manifest)) }, ...entries.slice(1)]));
    expect(broken.ok).toBe(false);
    expect(broken.problems.map((p) => p.code)).toEqual(['MANIFEST_INVALID']);
    const none = await verifyBundle(await zipOf(entries.slice(1)));
    expect(none.problems.map((p) => p.code)).toEqual(['MANIFEST_INVALID']);
  });

  it('rejects bytes changed in the zip itself', async () => {
    const zip = Buffer.from(await evidenceBundle(files, stamp));
    // A byte inside the last file's compressed data (the central directory is at the end).
    const at = zip.indexOf(Buffer.from('report.xlsx')) + 'report.xlsx'.length + 2;
    zip[at]! ^= 0xff;
    const result = await verifyBundle(zip);
    expect(result.ok).toBe(false);
    expect(result.problems.some((p) => p.code === 'HASH_MISMATCH' || p.code === 'ZIP_INVALID')).toBe(true);
  });
});
