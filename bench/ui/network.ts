// Deterministic networks for the UI benchmark, shaped like what an investigator expands in the
// explorer: firms and persons, holdings and roles, a few hubs, the element data the canvas draws
// (style.ts's CanvasNode/CanvasEdge fields). Built here rather than read from a province: the
// degree distribution is what costs layout and drawing time, and a seeded generator gives the same
// network on every run without Neo4j.

export interface BenchNode {
  id: string;
  kind: 'COMPANY' | 'PERSON';
  label: string;
  status: string;
  inactive: boolean;
  center: boolean;
  expanded: boolean;
}

export interface BenchEdge {
  id: string;
  source: string;
  target: string;
  type: 'HOLDS_SHARES' | 'LEGAL_REPRESENTATIVE_OF' | 'OFFICER_OF';
  label: string;
  major: boolean;
}

export interface BenchNetwork {
  nodes: BenchNode[];
  edges: BenchEdge[];
  /** The best-connected node: the pan-and-zoom script zooms in on it. */
  hub: string;
}

/** mulberry32: small, fast and the same in every browser. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ['深圳', '广州', '东莞', '佛山', '珠海', '惠州', '中山', '汕头', '湛江', '江门'];
const WORDS = ['华盛', '鑫达', '恒远', '瑞丰', '金泰', '宏图', '聚利', '天成', '博源', '嘉禾', '永信', '海川', '盛世', '中科', '新元', '万通'];
const TRADES = ['科技', '贸易', '投资', '实业', '供应链', '商务咨询', '房地产开发', '电子', '物流', '资产管理'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '建华', '志强', '海燕'];
const ROLES = ['董事', '监事', '经理', '董事长', '执行董事'];

function percent(ratio: number): string {
  return `${Math.round(ratio * 10000) / 100}%`;
}

/**
 * `size` nodes, 60% firms and 40% persons. Each firm has one to three shareholders (persons, or
 * firms chosen with preferential attachment, so holding companies become hubs), a legal
 * representative (usually also a shareholder, as in the registers) and up to two officers; three
 * holding companies and two nominee persons are hubs. Relationships of one ordered pair are one
 * drawn edge with stacked labels, as style.ts's toCanvasData draws them.
 */
export function benchNetwork(size: number, seed = 14): BenchNetwork {
  const random = rng(seed + size);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const firmCount = Math.round(size * 0.6);
  const personCount = size - firmCount;
  const nodes: BenchNode[] = [];
  for (let i = 0; i < firmCount; i++) {
    const inactive = random() < 0.15;
    nodes.push({
      id: `c${i}`,
      kind: 'COMPANY',
      label: `${pick(CITIES)}市${pick(WORDS)}${pick(TRADES)}有限公司`,
      status: inactive ? (random() < 0.5 ? '吊销' : '注销') : '存续',
      inactive,
      center: i === 0,
      expanded: random() < 0.1,
    });
  }
  for (let i = 0; i < personCount; i++) {
    nodes.push({ id: `p${i}`, kind: 'PERSON', label: `${pick(SURNAMES)}${pick(GIVEN)}`, status: '', inactive: false, center: false, expanded: false });
  }

  const pairs = new Map<string, { source: string; target: string; relations: { type: BenchEdge['type']; label: string; ratio: number | null }[] }>();
  const relate = (source: string, target: string, type: BenchEdge['type'], label: string, ratio: number | null = null) => {
    if (source === target) return;
    const key = `${source}->${target}`;
    const pair = pairs.get(key) ?? { source, target, relations: [] };
    pair.relations.push({ type, label, ratio });
    pairs.set(key, pair);
  };

  // Preferential attachment over firm holders: a firm that already holds many is likelier to hold more.
  const holderWeight = new Array<number>(firmCount).fill(1);
  for (const hub of [1, 2, 3]) holderWeight[hub] = firmCount * 0.03;
  let weightSum = holderWeight.reduce((a, b) => a + b, 0);
  const pickFirmHolder = (): number => {
    let r = random() * weightSum;
    for (let i = 0; i < firmCount; i++) {
      r -= holderWeight[i]!;
      if (r <= 0) return i;
    }
    return firmCount - 1;
  };
  const nominees = ['p0', 'p1'];

  for (let f = 0; f < firmCount; f++) {
    const firm = `c${f}`;
    const holders = 1 + Math.floor(random() * 3);
    let left = 1;
    const holderIds: string[] = [];
    for (let h = 0; h < holders; h++) {
      const ratio = h === holders - 1 ? left : Math.round(left * (0.3 + random() * 0.5) * 10000) / 10000;
      left -= ratio;
      let holder: string;
      if (random() < 0.3) {
        const i = pickFirmHolder();
        holder = `c${i}`;
        holderWeight[i]! += 1;
        weightSum += 1;
      } else {
        holder = `p${Math.floor(random() * personCount)}`;
      }
      holderIds.push(holder);
      relate(holder, firm, 'HOLDS_SHARES', percent(ratio), ratio);
    }
    const personHolders = holderIds.filter((id) => id.startsWith('p'));
    const legalRep = random() < 0.04 ? pick(nominees) : personHolders.length > 0 && random() < 0.7 ? personHolders[0]! : `p${Math.floor(random() * personCount)}`;
    relate(legalRep, firm, 'LEGAL_REPRESENTATIVE_OF', '法定代表人');
    const officers = Math.floor(random() * 3);
    for (let o = 0; o < officers; o++) {
      const officer = random() < 0.04 ? pick(nominees) : `p${Math.floor(random() * personCount)}`;
      relate(officer, firm, 'OFFICER_OF', pick(ROLES));
    }
  }

  const weight = { HOLDS_SHARES: 0, LEGAL_REPRESENTATIVE_OF: 1, OFFICER_OF: 2 } as const;
  const edges: BenchEdge[] = [];
  const degree = new Map<string, number>();
  for (const [id, pair] of pairs) {
    pair.relations.sort((a, b) => weight[a.type] - weight[b.type]);
    edges.push({
      id,
      source: pair.source,
      target: pair.target,
      type: pair.relations[0]!.type,
      label: pair.relations.map((r) => r.label).join('\n'),
      major: pair.relations.some((r) => r.type === 'HOLDS_SHARES' && r.ratio !== null && r.ratio >= 0.5),
    });
    degree.set(pair.source, (degree.get(pair.source) ?? 0) + 1);
    degree.set(pair.target, (degree.get(pair.target) ?? 0) + 1);
  }
  const hub = [...degree.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  return { nodes, edges, hub };
}

/**
 * A group of `firms` firms for the penetration chart: a parent held by two persons, and a holding
 * tree below it (each firm holds two to five subsidiaries, some held jointly by two parents), the
 * shape the chart lays out top-down.
 */
export function benchGroup(firms: number, seed = 200): BenchNetwork {
  const random = rng(seed + firms);
  const nodes: BenchNode[] = [];
  const edges: BenchEdge[] = [];
  const add = (source: string, target: string, ratio: number) =>
    edges.push({ id: `${source}->${target}`, source, target, type: 'HOLDS_SHARES', label: percent(ratio), major: ratio >= 0.5 });
  for (let i = 0; i < firms; i++) {
    nodes.push({
      id: `g${i}`,
      kind: 'COMPANY',
      label: `${CITIES[i % CITIES.length]}${WORDS[(i * 7) % WORDS.length]}${TRADES[(i * 3) % TRADES.length]}有限公司`,
      status: '存续',
      inactive: random() < 0.08,
      center: i === 0,
      expanded: false,
    });
  }
  nodes.push({ id: 'gp0', kind: 'PERSON', label: '陈建华', status: '', inactive: false, center: false, expanded: false });
  nodes.push({ id: 'gp1', kind: 'PERSON', label: '林海燕', status: '', inactive: false, center: false, expanded: false });
  add('gp0', 'g0', 0.6);
  add('gp1', 'g0', 0.4);
  edges.push({ id: 'gp0=>g0', source: 'gp0', target: 'g0', type: 'LEGAL_REPRESENTATIVE_OF', label: '法定代表人', major: false });
  let parent = 0;
  let next = 1;
  while (next < firms) {
    const children = 2 + Math.floor(random() * 4);
    for (let c = 0; c < children && next < firms; c++, next++) {
      const ratio = Math.round((0.51 + random() * 0.49) * 10000) / 10000;
      add(`g${parent}`, `g${next}`, ratio);
      // A joint venture: an earlier firm of the group holds the rest.
      if (random() < 0.1 && parent > 0) add(`g${Math.floor(random() * parent)}`, `g${next}`, Math.round((1 - ratio) * 10000) / 10000);
    }
    parent++;
  }
  return { nodes, edges, hub: 'g0' };
}
