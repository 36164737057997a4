import { Command } from 'commander';
import { registerDbCommands } from './commands/db.ts';
import { registerServeCommands } from './commands/serve.ts';
import { registerImportCommand } from './commands/import.ts';
import { registerGenerateCommand } from './commands/generate.ts';
import { registerBulkCommand } from './commands/bulk.ts';
import { registerRunCommand } from './commands/run.ts';

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

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const e = error as Error & { code?: string };
  console.error(`错误 / error${e.code ? ` [${e.code}]` : ''}: ${e.message}`);
  process.exit(1);
}
