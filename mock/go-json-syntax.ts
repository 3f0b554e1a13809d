// Finds the first syntax error of a JSON text and words it as Go's encoding/json scanner
// does (`invalid character '}' looking for beginning of value`), since the real server's
// 400 message quotes it. Runs only after JSON.parse has already failed.

import { goQuote } from './go-format';

const END = 'unexpected end of JSON input';

class SyntaxFault extends Error {}

/** Go's message for the first syntax error in `text`, or undefined when it is valid JSON. */
export function goJsonSyntaxError(text: string): string | undefined {
  try {
    new Scanner(text).document();
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxFault) return error.message;
    throw error;
  }
}

/** Go's quoteChar: `'x'`, `'\''`, `'"'`, `'\x01'`. */
function quoteChar(ch: string): string {
  if (ch === "'") return "'\\''";
  if (ch === '"') return "'\"'";
  return `'${goQuote(ch).slice(1, -1)}'`;
}

class Scanner {
  private pos = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  fail(context: string): never {
    if (this.atEnd()) throw new SyntaxFault(END);
    throw new SyntaxFault(`invalid character ${quoteChar(this.peek())} ${context}`);
  }

  skipSpace(): void {
    while (!this.atEnd() && ' \t\r\n'.includes(this.peek())) this.pos++;
  }

  /**
   * Scans one JSON text with an explicit stack of open brackets, not recursion, so that
   * `[` repeated a hundred thousand times is a syntax error like any other.
   */
  document(): void {
    const closers: string[] = [];
    for (;;) {
      this.skipSpace();
      const opened = this.valueStart();
      this.skipSpace();
      if (opened !== undefined && this.peek() !== opened) {
        closers.push(opened);
        if (opened === '}') this.key();
        continue;
      }
      if (opened !== undefined) this.pos++;
      if (!this.nextElement(closers)) return;
    }
  }

  /** Scans a scalar whole, or the opening bracket of a container and returns its closer. */
  private valueStart(): string | undefined {
    const ch = this.peek();
    if (ch === '{' || ch === '[') {
      this.pos++;
      return ch === '{' ? '}' : ']';
    }
    if (ch === '"') this.string();
    else if (ch === '-' || (ch >= '0' && ch <= '9')) this.number();
    else this.literal(['true', 'false', 'null'].find((word) => word[0] === ch));
    return undefined;
  }

  /**
   * After a value: closes every container that ends here, then steps past the comma (and
   * the key, in an object) to the next value. False once the top-level value has ended.
   */
  private nextElement(closers: string[]): boolean {
    for (;;) {
      this.skipSpace();
      const close = closers[closers.length - 1];
      if (close === undefined) {
        if (!this.atEnd()) this.fail('after top-level value');
        return false;
      }
      if (this.peek() === close) {
        this.pos++;
        closers.pop();
        continue;
      }
      if (this.peek() !== ',') {
        this.fail(close === '}' ? 'after object key:value pair' : 'after array element');
      }
      this.pos++;
      this.skipSpace();
      if (close === '}') this.key();
      return true;
    }
  }

  private peek(): string {
    return this.text[this.pos] ?? '';
  }

  /** An object key and its colon. */
  private key(): void {
    if (this.peek() !== '"') this.fail('looking for beginning of object key string');
    this.string();
    this.skipSpace();
    if (this.peek() !== ':') this.fail('after object key');
    this.pos++;
  }

  private string(): void {
    this.pos++;
    for (;;) {
      const ch = this.peek();
      if (ch === '') this.fail('in string literal');
      this.pos++;
      if (ch === '"') return;
      if (ch < ' ') {
        this.pos--;
        this.fail('in string literal');
      }
      if (ch === '\\') this.escape();
    }
  }

  private escape(): void {
    const ch = this.peek();
    if ('"\\/bfnrt'.includes(ch) && ch !== '') {
      this.pos++;
      return;
    }
    if (ch !== 'u') this.fail('in string escape code');
    this.pos++;
    for (let i = 0; i < 4; i++) {
      if (!/[0-9a-fA-F]/.test(this.peek())) this.fail('in \\u hexadecimal character escape');
      this.pos++;
    }
  }

  private number(): void {
    if (this.peek() === '-') {
      this.pos++;
      if (!this.isDigit()) this.fail('in numeric literal');
    }
    if (this.peek() === '0') this.pos++;
    else this.digits();

    if (this.peek() === '.') {
      this.pos++;
      if (!this.isDigit()) this.fail('after decimal point in numeric literal');
      this.digits();
    }
    if (this.peek() === 'e' || this.peek() === 'E') {
      this.pos++;
      if (this.peek() === '+' || this.peek() === '-') this.pos++;
      if (!this.isDigit()) this.fail('in exponent of numeric literal');
      this.digits();
    }
  }

  private digits(): void {
    while (this.isDigit()) this.pos++;
  }

  private isDigit(): boolean {
    const ch = this.peek();
    return ch >= '0' && ch <= '9' && ch !== '';
  }

  private literal(word: string | undefined): void {
    if (word === undefined) this.fail('looking for beginning of value');
    this.pos++;
    for (const expected of word.slice(1)) {
      if (this.peek() !== expected) this.fail(`in literal ${word} (expecting '${expected}')`);
      this.pos++;
    }
  }
}
