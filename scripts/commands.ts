import type { Command } from 'commander';

import { fixturesCommand } from '../fixtures/fixtures-command';

// Each subcommand lives beside the stage it drives and is listed here once.
export function commands(): Command[] {
  return [fixturesCommand()];
}
