import { Command, CommanderError } from 'commander';

import { commands } from './commands';

// Exit code 2 is a usage error, as in most command-line tools; 1 is a run that failed.
const USAGE_EXIT = 2;

function buildProgram(): Command {
  const program = new Command('imagesig')
    .description('Mock server, contract suite and fixtures for the OpenShift ImageSignature API')
    .showHelpAfterError(false)
    .exitOverride();

  for (const command of commands()) {
    program.addCommand(command.exitOverride());
  }
  return program;
}

async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : USAGE_EXIT;
      return;
    }
    process.stderr.write(`imagesig: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

void main(process.argv);
