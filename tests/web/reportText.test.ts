import { describe, expect, it } from 'vitest';
import { inLanguage } from '../../web/src/i18n.ts';
import { changeFigure, changeFirm, paramsSummary, runExportUrl } from '../../web/src/screens/reports/reportText.ts';
import { namesByKey, readRunDocument } from '../../web/src/screens/reports/runDocument.ts';

describe('reports screens: what parameters, changes and exports read as', () => {
  it('summarises parameters in one line, thresholds as percentages and lists joined, empty values left out', () => {
    expect(paramsSummary({ minFirms: 3, threshold: 0.25, listTypes: ['非法集资案件', '取缔类'], asOf: null, rules: '', extra: [] })).toBe('minFirms: 3 · threshold: 25.00% · listTypes: 非法集资案件、取缔类');
    expect(paramsSummary({})).toBe('');
    expect(paramsSummary(null)).toBe('');
    expect(paramsSummary(['not', 'an', 'object'])).toBe('');
  });

  it('shows the reader’s half of a bilingual change sentence, and the whole of one that has no halves', () => {
    const text = '王建国 在 南京创诚财富管理有限公司 的有效持股由 48% 升至 54%，达到 50% / 王建国\'s effective share of 南京创诚财富管理有限公司 rose from 48% to 54%, reaching 50%';
    expect(inLanguage(text, 'zh')).toBe('王建国 在 南京创诚财富管理有限公司 的有效持股由 48% 升至 54%，达到 50%');
    expect(inLanguage(text, 'en')).toBe("王建国's effective share of 南京创诚财富管理有限公司 rose from 48% to 54%, reaching 50%");
    expect(inLanguage('无分隔', 'en')).toBe('无分隔');
  });

  it('gives a share change its figures as percentages and its firm by name from the run, other changes as given', () => {
    const names = new Map([['91320114MA4A2HP405', '南京创诚财富管理有限公司']]);
    expect(changeFigure('CONTROL_CROSSED_50', 0.48)).toBe('48.00%');
    expect(changeFigure('CONTROL_CROSSED_25', null)).toBe('—');
    expect(changeFigure('FACTS_CHANGED', 3)).toBe('3');
    expect(changeFirm('CONTROL_CROSSED_50', '91320114MA4A2HP405', names)).toBe('南京创诚财富管理有限公司');
    expect(changeFirm('CONTROL_CROSSED_50', 'unknown', names)).toBeNull();
    expect(changeFirm('FACTS_CHANGED', 'flaggedFirms', names)).toBeNull();
  });

  it('links an export to the exports endpoint with the run id encoded, the format and the language', () => {
    expect(runExportUrl('rr/1 2', 'pdf', 'zh')).toBe('/exports/report-runs/rr%2F1%202?format=pdf&lang=zh');
    expect(runExportUrl('rr-1', 'bundle', 'en')).toBe('/exports/report-runs/rr-1?format=bundle&lang=en');
  });

  it('reads a run document defensively and names every entity it holds by key', () => {
    const doc = readRunDocument({
      query: { id: 'q1', title: '排查', analysis: 'flagged-controllers', analysisTitle: { zh: '控制人', en: 'Controllers' } },
      run: { id: 'r1', number: 2, ranAt: '2026-12-07T00:00:00Z', ranBy: 'a', trigger: 'manual' },
      envelope: {
        findings: [
          {
            subject: { kind: 'PERSON', key: 'P-1', name: '王建国' },
            score: 3,
            facts: { flaggedFirms: 3 },
            evidence: { chains: [{ kind: 'ownership', path: [{ kind: 'PERSON', key: 'P-1', name: '王建国' }, { kind: 'COMPANY', key: 'C-1', name: '汇金' }], edges: [], product: 0.8 }] },
            exhaustive: true,
          },
        ],
      },
      network: { nodes: [{ kind: 'COMPANY', key: 'C-2', name: '创诚' }] },
    });
    expect(doc.run.number).toBe(2);
    expect(doc.data.importRuns).toEqual([]);
    expect(doc.envelope.findings[0]!.limitsHit).toEqual([]);
    expect(doc.envelope.findings[0]!.evidence.chainsComplete).toBe(true);
    expect([...namesByKey(doc)].sort()).toEqual([
      ['C-1', '汇金'],
      ['C-2', '创诚'],
      ['P-1', '王建国'],
    ]);
    expect(readRunDocument(null).envelope.findings).toEqual([]);
  });
});
