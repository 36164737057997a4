import { requiredFirm, type FirmRef } from './parties.ts';
import { addressRow, addressWrite, type AddressWrite } from './registrations.ts';
import { dateFrom } from './officers.ts';
import { personFromName } from './persons.ts';
import { present } from './rowContext.ts';
import { inFirm, writeFirmRefs, writePersons, type PersonWrite } from './writeParties.ts';
import type { KindHandler } from './kind.ts';

/**
 * A branch row (分支机构) becomes BRANCH_OF from branch to head office, the branch's premises
 * (营业场所: where it operates — what out-of-province screens look for) and its manager (负责人).
 */

export interface BranchRecord {
  branch: FirmRef;
  head: FirmRef;
  branchProps: Record<string, unknown>;
  premises: AddressWrite | null;
  manager: PersonWrite | null;
}

export const branches: KindHandler<BranchRecord> = {
  kind: 'branches',
  convert(row, env) {
    const branch = requiredFirm(row, 'branchUscc', 'branchName', env.source);
    if (!branch) return null;
    const head = requiredFirm(row, 'headUscc', 'headName', env.source);
    if (!head) return null;
    const managerName = row.get('manager');
    return {
      branch,
      head,
      branchProps: present({
        establishedOn: dateFrom(row, 'establishedOn'),
        registrationAuthority: row.get('registrationAuthority'),
        status: row.get('status'),
        operatingAddress: row.get('premises'),
      }),
      premises: addressWrite(row.get('premises')),
      manager: managerName ? personFromName(row, managerName, row.get('managerId'), 'managerId', branch.key, env.secret) : null,
    };
  },
  async write(run, batch) {
    const resolve = await writeFirmRefs(run, batch.flatMap((r) => [{ ref: r.branch, prov: r.prov }, { ref: r.head, prov: r.prov }]));
    await run('import/branches', { rows: batch.map((r) => ({ branchKey: resolve(r.branch.key), headKey: resolve(r.head.key), prov: r.prov })) });
    await run('import/branchFacts', { rows: batch.map((r) => ({ key: resolve(r.branch.key), props: r.branchProps })) });
    await run('import/operatingAddresses', {
      rows: batch.flatMap((r) => (r.premises ? [addressRow(resolve(r.branch.key), r.premises, r.prov)] : [])),
    });
    const managed = batch.flatMap((r) => (r.manager ? [{ record: r, manager: inFirm(r.manager, r.branch.key, resolve) }] : []));
    await writePersons(run, managed.map(({ record, manager }) => ({ person: manager, prov: record.prov })));
    await run('import/officers', {
      rows: managed.map(({ record: r, manager }) => ({ firmKey: resolve(r.branch.key), personKey: manager.key, role: '负责人', props: {}, prov: r.prov })),
    });
  },
};
