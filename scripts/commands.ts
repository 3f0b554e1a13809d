import type { Command } from 'commander';

// Each subcommand lives beside the stage it drives and is listed here once.
export function commands(): Command[] {
  return [];
}
