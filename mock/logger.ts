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
  const write = options.write ?? batchedWriter((text) => process.stderr.write(text));
  const now = options.now ?? (() => new Date());

  return {
    log(level, event, fields = {}) {
      if (RANKS[level] < threshold) return;
      write(`${JSON.stringify({ time: now().toISOString(), level, event, ...fields })}\n`);
    },
  };
}

/**
 * Collects lines and hands them to `write` at most every FLUSH_MS (sooner past
 * FLUSH_BYTES), and at exit. A write to a pipe or file is a system call that wakes the
 * reader; one per request was a seventh of the mock's CPU time under load.
 */
export function batchedWriter(write: (text: string) => void): (line: string) => void {
  let pending: string[] = [];
  let bytes = 0;
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    bytes = 0;
    write(text);
  };
  process.once('exit', flush);

  return (line) => {
    pending.push(line);
    bytes += line.length;
    if (bytes >= FLUSH_BYTES) flush();
    // Unreferenced: a pending flush never keeps the process alive; 'exit' writes the rest.
    else timer ??= setTimeout(flush, FLUSH_MS).unref();
  };
}

const FLUSH_MS = 20;
const FLUSH_BYTES = 64 * 1024;

/** A logger that drops everything, the default for embedded and test servers. */
export const silentLogger: Logger = { log: () => undefined };

/** Level by outcome: server faults are errors, client mistakes warnings, the rest info. */
export function levelForStatus(status: number): 'info' | 'warn' | 'error' {
  if (status >= 500) return 'error';
  if (status >= 400) return 'warn';
  return 'info';
}
