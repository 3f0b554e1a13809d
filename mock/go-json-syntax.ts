// Finds the first syntax error of a JSON text and words it as Go's encoding/json scanner
// does (`invalid character '}' looking for beginning of value`), since the real server's
// 400 message quotes it. Runs only after JSON.parse has already failed.

import { goQuote } from './go-format';

const END = 'unexpected end of JSON input';

class SyntaxFault extends Error {}

/** Go's message for the first syntax error in `text`, or undefined when it is valid JSON. */
export function goJsonSyntaxError(text: string): string | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.skipSpace();
    scanner.value('looking for beginning of value');
    scanner.skipSpace();
    if (!scanner.atEnd()) scanner.fail('after top-level value');
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

  value(context: string): void {
    const ch = this.peek();
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    if (ch === '"') return this.string();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return this.number();
    for (const literal of ['true', 'false', 'null']) {
      if (ch === literal[0]) return this.literal(literal);
    }
    this.fail(context);
  }

  private peek(): string {
    return this.text[this.pos] ?? '';
  }

  private object(): void {
    this.sequence('}', () => this.member(), 'after object key:value pair');
  }

  private array(): void {
    this.sequence(']', () => this.value('looking for beginning of value'), 'after array element');
  }

  private member(): void {
    if (this.peek() !== '"') this.fail('looking for beginning of object key string');
    this.string();
    this.skipSpace();
    if (this.peek() !== ':') this.fail('after object key');
    this.pos++;
    this.skipSpace();
    this.value('looking for beginning of value');
  }

  /** The elements of an object or array, from its opening bracket to `close`. */
  private sequence(close: string, element: () => void, afterElement: string): void {
    this.pos++;
    this.skipSpace();
    if (this.peek() !== close) {
      for (;;) {
        element();
        this.skipSpace();
        if (this.peek() === close) break;
        if (this.peek() !== ',') this.fail(afterElement);
        this.pos++;
        this.skipSpace();
      }
    }
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

  private literal(word: string): void {
    this.pos++;
    for (const expected of word.slice(1)) {
      if (this.peek() !== expected) this.fail(`in literal ${word} (expecting '${expected}')`);
      this.pos++;
    }
  }
}
