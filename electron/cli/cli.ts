import { Command, CommanderError } from 'commander';
import { userMessage } from '../../shared/errors';
import { registerProjectCommands } from './project';
import { registerCodingCommands } from './coding';
import { registerReportCommands } from './reports';
import { registerTeamCommands } from './team';
import { registerAnalysisCommands } from './analysis';
import { registerReliabilityCommands } from './reliability';
import { registerSafetyCommands } from './safety';

// The `fieldcode` command line over the same services as the app.
// Exit 0 on success, 1 with one line on stderr for bad input, 2 for bad usage.

export function buildProgram(): Command {
  const program = new Command('fieldcode')
    .description('Fieldcode: qualitative coding of interview, focus-group and workshop transcripts')
    .version('0.1.0')
    .showHelpAfterError('(run "fieldcode --help" for usage)')
    .exitOverride();
  registerProjectCommands(program);
  registerCodingCommands(program);
  registerTeamCommands(program);
  registerReliabilityCommands(program);
  registerReportCommands(program);
  registerAnalysisCommands(program);
  registerSafetyCommands(program);
  return program;
}

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === 1 ? 1 : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return e.exitCode === 0 ? 0 : 2;
    }
    process.stderr.write(`fieldcode: ${userMessage(e)}\n`);
    return 1;
  }
}

/**
 * `fieldcode segments x.fieldcode | head -1`: when the reader closes the pipe, the
 * command has said enough; it ends quietly instead of printing a stack trace.
 * Installed by the entry points only (not by run(), which tests call in-process).
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
}

// Run directly (`node --import tsx electron/cli.ts …`); build/fieldcode.mjs calls run() itself.
if (process.argv[1] && /(^|[\\/])cli\.ts$/.test(process.argv[1])) {
  endQuietlyOnClosedPipe();
  // run() answers every failure with an exit code; it never rejects.
  void run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
