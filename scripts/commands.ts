import type { Command } from 'commander';

import { verifyCommand } from '../contracts/verify-command';
import { fixturesCommand } from '../fixtures/fixtures-command';
import { serveCommand } from '../mock/serve-command';

// Each subcommand lives beside the stage it drives and is listed here once.
export function commands(): Command[] {
  return [serveCommand(), fixturesCommand(), verifyCommand()];
}
