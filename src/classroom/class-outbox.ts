import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../files/atomic-write.js';
import { decodeClassEvent, encodeClassEvent, type ClassEvent } from './class-event.js';
import { classFiles, newIdentity, readIdentity, type ClassFiles, type LearnerIdentity } from './learner-identity.js';
import type { ClassChange } from './step-transitions.js';

/** Puts one encoded event on the class stream; resolves once the stream acknowledged it. */
export type ClassEventSender = (event: ClassEvent, data: string) => Promise<unknown>;

export interface ClassOutboxOptions {
  /** `<config>/class`: one identity file and one outbox file per class code. */
  dir: string;
  code: string;
  name: string;
  send: ClassEventSender;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** First wait after a failed send; doubles up to `maxBackoffMs`. @default 1000 */
  backoffMs?: number;
  /** @default 30000 */
  maxBackoffMs?: number;
}

/** What the learner sees about the class connection. */
export interface OutboxStatus {
  waiting: number;
  sent: number;
  /** The last send error's name while events are waiting, e.g. `AccessDeniedException`. */
  lastError?: string;
}

/**
 * Events are written to disk first (`<key>.outbox.jsonl`, one event per line) and sent by one loop,
 * one at a time — each waits for the previous acknowledgement, which keeps a learner's events in
 * order — so a learner who loses the network, quits or is killed loses nothing: the next run sends
 * what is left. A crash between sending and forgetting may send an event twice; the board ignores
 * repeats by (learner id, sequence number).
 *
 * `<key>.json` keeps the learner's identity (learner-identity.ts) so a restarted learner keeps their row.
 */
export class ClassOutbox {
  private pending: string[] = [];
  private events: ClassEvent[] = [];
  private file = Promise.resolve();
  private sending: Promise<void> | undefined;
  private closed = false;
  private wake: (() => void) | undefined;
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  readonly status: OutboxStatus = { waiting: 0, sent: 0 };

  private constructor(
    private readonly options: ClassOutboxOptions,
    private readonly paths: ClassFiles,
    private identity: LearnerIdentity,
  ) {
    this.clock = options.clock ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms).unref()));
  }

  static async open(options: ClassOutboxOptions): Promise<ClassOutbox> {
    await mkdir(options.dir, { recursive: true, mode: 0o700 });
    const paths = classFiles(options.dir, options.code);
    const identity = (await readIdentity(paths.identity)) ?? newIdentity();
    const outbox = new ClassOutbox(options, paths, identity);
    // Events a previous run could not send go first, in their order; a half-written line is dropped.
    const left = await readFile(paths.outbox, 'utf8').catch(() => '');
    for (const line of left.split('\n')) {
      const event = line ? decodeClassEvent(line) : undefined;
      if (event) {
        outbox.pending.push(line);
        outbox.events.push(event);
        identity.nextSeq = Math.max(identity.nextSeq, event.seq + 1);
      }
    }
    outbox.status.waiting = outbox.pending.length;
    return outbox;
  }

  get learnerId(): string {
    return this.identity.learnerId;
  }

  /** Gives the change an id and sequence number, writes it to disk, and wakes the sender. */
  enqueue(change: ClassChange): Promise<void> {
    if (this.closed) return Promise.resolve();
    const event: ClassEvent = { learnerId: this.identity.learnerId, name: this.options.name, seq: this.identity.nextSeq++, at: this.clock(), ...change };
    const line = encodeClassEvent(event);
    this.pending.push(line);
    this.events.push(event);
    this.status.waiting = this.pending.length;
    const identity = { ...this.identity };
    const written = this.onFile(async () => {
      await writeFileAtomic(this.paths.identity, JSON.stringify(identity));
      await appendFile(this.paths.outbox, `${line}\n`, { mode: 0o600 });
    });
    // The event is queued in memory either way: a failed write costs only its copy on disk, and
    // the caller hears of that through the returned promise.
    written.then(() => this.kick(), () => this.kick());
    return written;
  }

  /** Starts the send loop if it is not running. */
  kick(): void {
    this.wake?.();
    if (this.sending || this.closed) return;
    this.sending = this.loop().finally(() => (this.sending = undefined));
  }

  /**
   * Tries to send what is waiting for up to `timeoutMs`, then stops; what is still waiting stays on
   * disk for the next run. Returns how many events wait.
   */
  async close(timeoutMs: number): Promise<number> {
    this.kick();
    const deadline = this.clock() + timeoutMs;
    while (this.pending.length > 0 && this.clock() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    this.closed = true;
    this.wake?.();
    await this.file;
    return this.pending.length;
  }

  private async loop(): Promise<void> {
    let backoff = this.options.backoffMs ?? 1_000;
    while (!this.closed && this.pending.length > 0) {
      const line = this.pending[0]!;
      const event = this.events[0]!;
      try {
        await this.options.send(event, line);
      } catch (error) {
        this.status.lastError = (error as { name?: string }).name ?? 'Error';
        await Promise.race([this.sleep(backoff), new Promise<void>((resolve) => (this.wake = resolve))]);
        this.wake = undefined;
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs ?? 30_000);
        continue;
      }
      backoff = this.options.backoffMs ?? 1_000;
      this.pending.shift();
      this.events.shift();
      this.status.sent += 1;
      this.status.waiting = this.pending.length;
      if (this.pending.length === 0) delete this.status.lastError;
      const rest = this.pending.map((l) => `${l}\n`).join('');
      await this.onFile(async () => {
        await writeFileAtomic(this.paths.outbox, rest);
      });
    }
  }

  // File writes run one at a time, in the order they were asked for.
  private onFile(work: () => Promise<void>): Promise<void> {
    const next = this.file.then(work, work);
    this.file = next.catch(() => undefined);
    return next;
  }
}
