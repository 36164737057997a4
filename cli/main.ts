import { Command } from 'commander';
import { registerDbCommands } from './commands/db.ts';
import { registerServeCommands } from './commands/serve.ts';
import { registerImportCommand } from './commands/import.ts';
import { registerGenerateCommand } from './commands/generate.ts';
import { registerBulkCommand } from './commands/bulk.ts';
import { registerRunCommand } from './commands/run.ts';
import { registerUserCommands } from './commands/user.ts';
import { registerAuditCommands } from './commands/audit.ts';
import { registerReportCommands } from './commands/report.ts';
import { parseAudited } from './audited.ts';

/** The single command-line entry point: `npx chuantou <command>`. */

const program = new Command()
  .name('chuantou')
  .description('穿透 Chuantou — 股权穿透与关系图谱分析 / look-through ownership and network investigation')
  .showHelpAfterError();

registerDbCommands(program);
registerServeCommands(program);
registerImportCommand(program);
registerGenerateCommand(program);
registerBulkCommand(program);
registerRunCommand(program);
registerUserCommands(program);
registerAuditCommands(program);
registerReportCommands(program);

try {
  // Commands that touch the data are recorded in the audit trail as the OS user (cli/audited.ts).
  await parseAudited(program, process.argv);
} catch (error) {
  const e = error as Error & { code?: string };
  console.error(`错误 / error${e.code ? ` [${e.code}]` : ''}: ${e.message}`);
  process.exit(1);
}
