/** Where and why a JSON text fails to parse, 1-based line and column. */
export interface JsonSyntaxProblem {
  line: number;
  column: number;
  reason: string;
}

/**
 * Finds the first syntax error in a JSON text, or `undefined` when it is valid.
 * `JSON.parse` does not always report a position (Node 20: "Unexpected token '}', … is not valid
 * JSON"), and lab authors need one; this small scanner follows RFC 8259 just far enough to say where.
 */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  const scanner = new Scanner(text);
  try {
    scanner.skipSpace();
    scanner.value();
    scanner.skipSpace();
    if (scanner.pos < text.length) scanner.fail('unexpected text after the JSON value');
    return undefined;
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    const before = text.slice(0, error.pos);
    const line = before.split('\n').length;
    const column = error.pos - before.lastIndexOf('\n');
    return { line, column, reason: error.message };
  }
}

class ScanError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}

class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(reason: string): never {
    throw new ScanError(reason, this.pos);
  }

  skipSpace(): void {
    while (/[ \t\r\n]/.test(this.text.charAt(this.pos))) this.pos++;
  }

  value(): void {
    const c = this.text.charAt(this.pos);
    if (c === '{') { this.object(); return; }
    if (c === '[') { this.array(); return; }
    if (c === '"') { this.string(); return; }
    if (c === '-' || (c >= '0' && c <= '9')) { this.number(); return; }
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    this.fail(c === '' ? 'unexpected end of file' : `unexpected ${describe(c)}`);
  }

  private object(): void {
    this.pos++;
    this.skipSpace();
    if (this.text.charAt(this.pos) === '}') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      if (this.text.charAt(this.pos) !== '"') this.fail(`expected a double-quoted property name, found ${this.found()}`);
      this.string();
      this.skipSpace();
      if (this.text.charAt(this.pos) !== ':') this.fail(`expected ':' after the property name, found ${this.found()}`);
      this.pos++;
      this.skipSpace();
      this.value();
      this.skipSpace();
      const c = this.text.charAt(this.pos);
      this.pos++;
      if (c === '}') return;
      if (c !== ',') {
        this.pos--;
        this.fail(`expected ',' or '}' after a property value, found ${this.found()}`);
      }
    }
  }

  private array(): void {
    this.pos++;
    this.skipSpace();
    if (this.text.charAt(this.pos) === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      this.value();
      this.skipSpace();
      const c = this.text.charAt(this.pos);
      this.pos++;
      if (c === ']') return;
      if (c !== ',') {
        this.pos--;
        this.fail(`expected ',' or ']' after an array element, found ${this.found()}`);
      }
    }
  }

  private string(): void {
    this.pos++;
    for (;;) {
      const c = this.text.charAt(this.pos);
      if (c === '') this.fail('unterminated string');
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c < ' ') this.fail('control character in a string (newlines must be written \\n)');
      if (c === '\\') {
        const next = this.text.charAt(this.pos + 1);
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) this.fail('bad \\u escape');
          this.pos += 6;
          continue;
        }
        if (!'"\\/bfnrt'.includes(next) || next === '') this.fail(`bad escape \\${next}`);
        this.pos += 2;
        continue;
      }
      this.pos++;
    }
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (!match) this.fail('bad number');
    this.pos += match[0].length;
  }

  private found(): string {
    const c = this.text.charAt(this.pos);
    return c === '' ? 'end of file' : describe(c);
  }
}

function describe(c: string): string {
  return c === '\n' ? 'a line break' : `'${c}'`;
}
