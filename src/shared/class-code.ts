/**
 * Short class codes, made to be read off a projector and typed: characters from an alphabet with no
 * look-alikes (no 0/O, no 1/l/I), case-insensitive, dashes and spaces ignored, and a last check
 * character. The alphabet has 31 characters, a prime, and every position has its own weight
 * (check weight 1, then 2, 3 …), so `Σ weight × value ≡ 0 (mod 31)` over the whole code catches every
 * single mistyped character and every swap of two characters: a typo is "no such class" at once.
 *
 * Two lengths, two kinds (what the characters before the check stand for is the kinds' business):
 * - 8 characters, `K7QM-R3XP`: a class on a room sandbox, 7 random characters the sandbox's class
 *   registry handed out (src/sandbox/classes/), so it names a class only together with that sandbox.
 * - 12 characters, `X7KQ-M3PW-R9TZ`: a class on AWS, the instructor's account, region and class number
 *   packed into 11 characters (aws-class-code.ts), read without asking anyone.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const BASE = CODE_ALPHABET.length;
export const ROOM_CODE_LENGTH = 8;
export const AWS_CODE_LENGTH = 12;

/** Why a text is not a short code; the CLI words each in the learner's language. */
export type CodeProblem = 'look-alike' | 'not-in-alphabet' | 'length' | 'check';

/** Upper case, without the dashes and spaces people type between groups. */
export function normalizeCode(text: string): string {
  return text.trim().toUpperCase().replace(/[\s-]+/g, '');
}

/** The code as shown: groups of four joined by dashes (`K7QM-R3XP`). */
export function formatCode(code: string): string {
  return normalizeCode(code).match(/.{1,4}/g)?.join('-') ?? '';
}

/** Appends the check character to characters of the alphabet. */
export function withCheck(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) sum += (i + 2) * valueOf(payload[i]!);
  return payload + CODE_ALPHABET[(BASE - (sum % BASE)) % BASE]!;
}

/**
 * The normalized code when `text` is a well-formed short code whose check character agrees, else the
 * problem. Says nothing about whether such a class exists.
 */
export function checkCode(text: string): { ok: true; code: string } | { ok: false; problem: CodeProblem } {
  const code = normalizeCode(text);
  if (/[01OIL]/.test(code)) return { ok: false, problem: 'look-alike' };
  if (!/^[2-9A-Z]*$/.test(code)) return { ok: false, problem: 'not-in-alphabet' };
  if (code.length !== ROOM_CODE_LENGTH && code.length !== AWS_CODE_LENGTH) return { ok: false, problem: 'length' };
  return withCheck(code.slice(0, -1)) === code ? { ok: true, code } : { ok: false, problem: 'check' };
}

/** `length` characters of the alphabet from a source of random bytes, then the check character. */
export function randomCode(length: number, randomBytes: (size: number) => Uint8Array): string {
  let payload = '';
  while (payload.length < length - 1) {
    // 248 = 8 × 31: bytes at or above it would favour the first characters, so they are drawn again.
    for (const byte of randomBytes(length)) if (byte < 248 && payload.length < length - 1) payload += CODE_ALPHABET[byte % BASE]!;
  }
  return withCheck(payload);
}

/** The characters of `code` (no check character) as one number, most significant first. */
export function codeToNumber(payload: string): bigint {
  let value = 0n;
  for (const c of payload) value = value * BigInt(BASE) + BigInt(valueOf(c));
  return value;
}

/** `value` as `length` characters of the alphabet; undefined when it does not fit. */
export function numberToCode(value: bigint, length: number): string | undefined {
  if (value < 0n) return undefined;
  let rest = value;
  let text = '';
  for (let i = 0; i < length; i++) {
    text = CODE_ALPHABET[Number(rest % BigInt(BASE))]! + text;
    rest /= BigInt(BASE);
  }
  return rest === 0n ? text : undefined;
}

function valueOf(c: string): number {
  const value = CODE_ALPHABET.indexOf(c);
  if (value < 0) throw new Error(`"${c}" is not a class code character`);
  return value;
}
