/**
 * One learner's progress event on the class stream: a small JSON record, partition key = learner id.
 *
 *   { "v": 1, "id": "k3x9…", "n": "Mina", "q": 7, "t": 1795000000000,
 *     "s": "put-record", "st": "failed", "k": "resource-not-found" }
 *
 * `id` is a random id kept in the learner's config folder (a restart keeps it; two learners with
 * the same display name stay apart), `q` counts that learner's events (the board drops repeats and
 * keeps the newest), `k` is a diagnosis kind from the catalog. Nothing else: no account, region,
 * stream name, credentials or error text.
 */
export type ClassStatus = 'joined' | 'in-progress' | 'passed' | 'failed' | 'left';

export interface ClassEvent {
  learnerId: string;
  name: string;
  seq: number;
  at: number;
  step: string;
  status: ClassStatus;
  errorKind?: string;
}

const STATUSES: readonly ClassStatus[] = ['joined', 'in-progress', 'passed', 'failed', 'left'];
/** Display names are shown in a table: short, one line. */
export const MAX_NAME_LENGTH = 40;

export function encodeClassEvent(event: ClassEvent): string {
  const body: Record<string, unknown> = { v: 1, id: event.learnerId, n: event.name, q: event.seq, t: event.at, s: event.step, st: event.status };
  if (event.errorKind) body.k = event.errorKind;
  return JSON.stringify(body);
}

/** Undefined for anything that is not a valid event: the stream is writable by a whole room. */
export function decodeClassEvent(text: string): ClassEvent | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const b = parsed as Record<string, unknown>;
  if (b.v !== 1) return undefined;
  const { id, n, q, t, s, st, k } = b;
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{4,64}$/.test(id)) return undefined;
  if (typeof n !== 'string' || n.trim() === '' || n.length > MAX_NAME_LENGTH) return undefined;
  if (typeof q !== 'number' || !Number.isSafeInteger(q) || q < 0) return undefined;
  if (typeof t !== 'number' || !Number.isFinite(t)) return undefined;
  if (typeof s !== 'string' || !/^[a-z0-9-]{1,64}$/.test(s)) return undefined;
  if (typeof st !== 'string' || !(STATUSES as readonly string[]).includes(st)) return undefined;
  if (k !== undefined && (typeof k !== 'string' || !/^[a-z0-9-]{1,64}$/.test(k))) return undefined;
  const event: ClassEvent = { learnerId: id, name: stripControl(n), seq: q, at: t, step: s, status: st as ClassStatus };
  if (typeof k === 'string') event.errorKind = k;
  return event;
}

/** Checks a display name given with --name; returns the cleaned name or why it cannot be used. */
export function validateDisplayName(raw: string): { ok: true; value: string } | { ok: false; message: { en: string; ko: string } } {
  const value = stripControl(raw).trim();
  if (value === '') return { ok: false, message: { en: '--name needs a display name, e.g. --name "Mina Kim"', ko: '--name에 표시할 이름을 주세요. 예: --name "김민아"' } };
  if (value.length > MAX_NAME_LENGTH) return { ok: false, message: { en: `--name is ${value.length} characters long; use at most ${MAX_NAME_LENGTH}`, ko: `--name이 ${value.length}자입니다. ${MAX_NAME_LENGTH}자 이하로 정하세요.` } };
  return { ok: true, value };
}

// Terminal escapes in a name would let one learner repaint the instructor's board.
function stripControl(text: string): string {
  return text.replace(/\p{Cc}/gu, '');
}
