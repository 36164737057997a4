import { describe, expect, it } from 'vitest';
import { decodeProvenance, parseProvenanceEntry, runIdsOf, type RunFiles } from '../../model/provenance.ts';

/** A provenance entry ('runId/fileNo:[sheet!]row') reads back as the file, sheet and row its run recorded. */

// Tables are imported in record-kind order, so the run lists its files in the order its tables
// first name them: here file 2 (registrations) before file 1 (shareholders, two sheets).
const run: RunFiles = {
  id: 'run-20260101T000000-abc123',
  status: 'completed',
  startedAt: '2026-01-01T00:00:00Z',
  finishedAt: '2026-01-01T00:00:05Z',
  fileNames: ['企业登记.csv', '股东.xlsx'],
  fileHashes: ['aa', 'bb'],
  partFiles: [2, 1, 1],
  partSheets: ['', '股东!名册', '补充'],
  partKinds: ['registrations', 'shareholders', 'shareholders'],
};
const runs = new Map([[run.id, run]]);

describe('provenance entries', () => {
  it('parse into run, file number, sheet and row, a sheet name with "!" included', () => {
    expect(parseProvenanceEntry(`${run.id}/1:股东!名册!7`)).toEqual({ entry: `${run.id}/1:股东!名册!7`, runId: run.id, fileNo: 1, sheet: '股东!名册', row: 7 });
    expect(parseProvenanceEntry(`${run.id}/2:3`)).toMatchObject({ fileNo: 2, sheet: null, row: 3 });
    expect(parseProvenanceEntry('not an entry')).toBeNull();
  });

  it('name the file by its place in the run, not by its number', () => {
    expect(decodeProvenance(`${run.id}/2:3`, runs)).toMatchObject({ file: '企业登记.csv', fileHash: 'aa', kind: 'registrations', importedAt: run.startedAt });
    expect(decodeProvenance(`${run.id}/1:补充!4`, runs)).toMatchObject({ file: '股东.xlsx', fileHash: 'bb', sheet: '补充', kind: 'shareholders' });
  });

  it('keep what the entry says when its run is not recorded', () => {
    expect(decodeProvenance('run-gone/1:2', runs)).toMatchObject({ runId: 'run-gone', row: 2, file: null, importedAt: null });
    expect(runIdsOf([`${run.id}/1:2`, 'run-gone/1:2', `${run.id}/2:9`, 'junk'])).toEqual(['run-20260101T000000-abc123', 'run-gone']);
  });
});
