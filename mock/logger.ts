// The one logger: one JSON object per line on stderr, short lower-case event phrases plus
// fields. It never sees tokens or bodies; callers pass only what may be logged.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const RANKS: Readonly<Record<LogLevel, number>> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 99,
};

export const LOG_LEVELS = Object.keys(RANKS) as LogLevel[];

export type LogFields = Record<string, string | number | boolean | undefined>;

export interface Logger {
  log(level: Exclude<LogLevel, 'silent'>, event: string, fields?: LogFields): void;
}

export interface LoggerOptions {
  level?: LogLevel;
  write?: (line: string) => void;
  now?: () => Date;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = RANKS[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const now = options.now ?? (() => new Date());

  return {
    log(level, event, fields = {}) {
      if (RANKS[level] < threshold) return;
      write(`${JSON.stringify({ time: now().toISOString(), level, event, ...fields })}\n`);
    },
  };
}

/** A logger that drops everything, the default for embedded and test servers. */
export const silentLogger: Logger = { log: () => undefined };

/** Level by outcome: server faults are errors, client mistakes warnings, the rest info. */
export function levelForStatus(status: number): 'info' | 'warn' | 'error' {
  if (status >= 500) return 'error';
  if (status >= 400) return 'warn';
  return 'info';
}
