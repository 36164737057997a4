// A finding's evidence as the API gives it (analyses/envelope.ts: chains of entities and the
// relationships between them), typed once for every screen that shows it — the analyses results
// and a stored report run. The API types it as JSON; web/ imports nothing from the server, so the
// shape is declared here, and each screen reads it defensively.

export interface EntityRef {
  kind: string;
  key: string;
  name: string;
}

export interface EvidenceEdge {
  type: string;
  ratio?: number | null;
  adjustedRatio?: number;
  role?: string;
  basis?: string;
  basisText?: string;
  validFrom?: string;
  validTo?: string;
  note?: string;
  details?: Record<string, string | number | boolean | null | string[]>;
}

export interface Chain {
  kind: string;
  path: EntityRef[];
  edges: EvidenceEdge[];
  product: number | null;
}
