import path from 'node:path';
import { isDate, isDateTime, isInt, isLocalDateTime, type Driver } from 'neo4j-driver';

/**
 * A canonical text form of a whole graph, for comparing a bulk-loaded graph with an online-loaded
 * one: every node by labels and key with all its properties (typed: long, double, date …), every
 * relationship by type, end-point keys and properties. The run id is replaced by RUN, and what
 * only says when something happened (timestamps) is left out.
 */

const timestamps = new Set(['startedAt', 'finishedAt', 'heartbeatAt', 'replacedAt', 'proposedAt', 'appliedAt', 'historyAt', 'mergedAt']);

function canonical(value: unknown, runId: string): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) return `long:${value.toString()}`;
  if (typeof value === 'number') return `double:${value}`;
  if (typeof value === 'string') return value.split(runId).join('RUN');
  if (typeof value === 'boolean') return value;
  if (isDate(value)) return `date:${value.toString()}`;
  if (isDateTime(value) || isLocalDateTime(value)) return `datetime:${value.toString()}`;
  if (Array.isArray(value)) return value.map((v) => canonical(v, runId));
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}

function props(labels: string[], raw: Record<string, unknown>, runId: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(raw).sort()) {
    if (timestamps.has(key)) continue;
    let value = raw[key];
    if (labels.includes('ImportRun') && key === 'rejectsFile') value = path.basename(String(value));
    if (labels.includes('ImportRun') && key === 'options') {
      // A bulk run says so in its options; otherwise they are the same.
      const { bulk: _bulk, ...rest } = JSON.parse(String(value));
      value = JSON.stringify(rest);
    }
    out[key] = canonical(value, runId);
  }
  return out;
}

export interface GraphDump {
  nodes: string[];
  relationships: string[];
  labels: Record<string, number>;
}

export async function dumpGraph(driver: Driver, runId: string): Promise<GraphDump> {
  const names = new Map<string, string>();
  const nodes: string[] = [];
  const labels: Record<string, number> = {};
  const found = await driver.executeQuery('MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props');
  for (const r of found.records) {
    const nodeLabels = (r.get('labels') as string[]).sort();
    const p = props(nodeLabels, r.get('props'), runId);
    const key = p.key ?? p.code ?? p.id ?? JSON.stringify(p);
    const name = `${nodeLabels.join(':')}|${String(key)}`;
    names.set(r.get('id'), name);
    nodes.push(`${name} ${JSON.stringify(p)}`);
    for (const l of nodeLabels) labels[l] = (labels[l] ?? 0) + 1;
  }
  const rels = await driver.executeQuery('MATCH (a)-[r]->(b) RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS type, properties(r) AS props');
  const relationships = rels.records.map(
    (r) => `${names.get(r.get('a'))} -[${r.get('type')} ${JSON.stringify(props([], r.get('props'), runId))}]-> ${names.get(r.get('b'))}`,
  );
  return { nodes: nodes.sort(), relationships: relationships.sort(), labels };
}
