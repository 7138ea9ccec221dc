/**
 * The room sandbox's classes: which short code (src/shared/class-code.ts) stands for which class
 * stream (account, region, name). `class create` registers its stream and gets the code; a learner's
 * lab looks the code up. One code per stream, whoever registers it and however often; two streams
 * never share a code. Kept in the data folder as the small section `classes`, so a code printed on the
 * projector still works after the sandbox restarts.
 */
import { randomBytes } from 'node:crypto';
import { randomCode, ROOM_CODE_LENGTH } from '../../shared/class-code.js';
import type { DurableLog, DurableSection } from '../durable/durable-section.js';

/** One class, as journaled and served: `{"code":"K7QMR3XP","account":"000000000000","region":"us-east-1","stream":"kinesis-lab-class"}`. */
export interface RegisteredClass {
  code: string;
  account: string;
  region: string;
  stream: string;
}

/** A sandbox serves one room; a caller could otherwise register without end. */
export const MAX_CLASSES = 1_000;

export class ClassRegistry {
  readonly #byCode = new Map<string, RegisteredClass>();
  readonly #byStream = new Map<string, string>();
  #log: DurableLog<RegisteredClass> | undefined;

  constructor(private readonly draw: (size: number) => Uint8Array = randomBytes) {}

  keepIn(log: DurableLog<RegisteredClass>): void {
    this.#log = log;
  }

  /** The stream's code, made (and journaled) the first time; undefined when the registry is full. */
  register(stream: Omit<RegisteredClass, 'code'>): RegisteredClass | undefined {
    const known = this.#byStream.get(streamKey(stream));
    if (known !== undefined) return this.#byCode.get(known);
    if (this.#byCode.size >= MAX_CLASSES) return undefined;
    let code = randomCode(ROOM_CODE_LENGTH, this.draw);
    while (this.#byCode.has(code)) code = randomCode(ROOM_CODE_LENGTH, this.draw);
    const entry = { code, ...stream };
    if (this.#log) this.#log.record(entry);
    else this.apply(entry);
    return entry;
  }

  find(code: string): RegisteredClass | undefined {
    return this.#byCode.get(code);
  }

  apply(entry: RegisteredClass): void {
    this.#byCode.set(entry.code, entry);
    this.#byStream.set(streamKey(entry), entry.code);
  }

  entries(): RegisteredClass[] {
    return [...this.#byCode.values()];
  }

  clear(): void {
    this.#byCode.clear();
    this.#byStream.clear();
  }
}

function streamKey(stream: Omit<RegisteredClass, 'code'>): string {
  return `${stream.account}\u0000${stream.region}\u0000${stream.stream}`;
}

export function classRegistrySection(registry: ClassRegistry): DurableSection<RegisteredClass> {
  return {
    name: 'classes',
    formatVersion: 1,
    apply: (entry) => registry.apply(entry),
    snapshot: () => registry.entries(),
    restore(chunk) {
      const entry = chunk as Partial<RegisteredClass>;
      if (typeof entry.code !== 'string' || typeof entry.account !== 'string' || typeof entry.region !== 'string' || typeof entry.stream !== 'string') {
        throw new Error(`not a class: ${JSON.stringify(chunk).slice(0, 80)}`);
      }
      registry.apply(entry as RegisteredClass);
    },
    reset: () => registry.clear(),
  };
}
