/**
 * Which access key ids the sandbox has seen for each account, so its look across accounts can say
 * "the account of key AKIA…7Q01" rather than only a 12-digit number (an account id is a hash of its
 * key: sandbox-accounts.ts). Kept with the sandbox's data as a small section: one journal line the
 * first time a key signs a call, none after. Only a shortened key id is kept — enough for a learner to
 * recognise their own, never a whole one written to disk or served — except the sandbox's own
 * public key. Secret keys never reach the sandbox at all.
 */
import type { DurableLog, DurableSection } from '../durable/durable-section.js';
import { SANDBOX_CREDENTIALS } from '../sandbox-types.js';

/** The first time a key signed a call: `{"key":"AKIA…7Q01","account":"123456789012"}` (the key shortened). */
export interface KeySeen {
  key: string;
  account: string;
}

/** Keys kept per account, and accounts in all: a caller chooses its keys, so both are bounded. */
const KEYS_PER_ACCOUNT = 5;
const MAX_ACCOUNTS = 10_000;

export class AccountKeys {
  readonly #keys = new Map<string, string[]>();
  #log: DurableLog<KeySeen> | undefined;

  /** Keeps the directory in the data folder from now on. */
  keepIn(log: DurableLog<KeySeen>): void {
    this.#log = log;
  }

  /** Notes that `accessKeyId` signed a call as `account`; journaled the first time only. */
  note(accessKeyId: string, account: string): void {
    const key = shortKeyId(accessKeyId);
    const keys = this.#keys.get(account);
    if (keys?.includes(key) || (keys?.length ?? 0) >= KEYS_PER_ACCOUNT || (!keys && this.#keys.size >= MAX_ACCOUNTS)) return;
    const seen = { key, account };
    if (this.#log) this.#log.record(seen);
    else this.apply(seen);
  }

  keysOf(account: string): string[] {
    return [...(this.#keys.get(account) ?? [])];
  }

  apply(seen: KeySeen): void {
    const keys = this.#keys.get(seen.account) ?? [];
    if (!keys.includes(seen.key)) this.#keys.set(seen.account, [...keys, seen.key]);
  }

  entries(): KeySeen[] {
    return [...this.#keys].flatMap(([account, keys]) => keys.map((key) => ({ key, account })));
  }

  clear(): void {
    this.#keys.clear();
  }
}

/** `AKIA…7Q01`: the first and last four characters; the sandbox's own key, public anyway, whole. */
export function shortKeyId(accessKeyId: string): string {
  return accessKeyId === SANDBOX_CREDENTIALS.accessKeyId || accessKeyId.length <= 12 ? accessKeyId : `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}

export function accountKeysSection(keys: AccountKeys): DurableSection<KeySeen> {
  return {
    name: 'account-keys',
    formatVersion: 1,
    apply: (seen) => keys.apply(seen),
    snapshot: () => keys.entries(),
    restore(chunk) {
      const seen = chunk as KeySeen;
      if (typeof seen.key !== 'string' || typeof seen.account !== 'string') throw new Error(`not a key: ${JSON.stringify(chunk).slice(0, 80)}`);
      keys.apply(seen);
    },
    reset: () => keys.clear(),
  };
}
