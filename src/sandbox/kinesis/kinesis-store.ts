/**
 * Every stream the engine holds, by account, region and name. Nothing is allocated for an account or
 * a region until a stream is created there, and an empty region or account is dropped again, so
 * read-only calls and requests for empty regions cost no memory.
 */
import { settleStream } from './settle-stream.js';
import type { AccountSettings, StreamState } from './stream-state.js';

export class KinesisStore {
  readonly #accounts = new Map<string, Map<string, Map<string, StreamState>>>();
  /** Account settings by `account/region`, only for accounts that changed them. */
  readonly #settings = new Map<string, AccountSettings>();

  accountSettings(account: string, region: string): AccountSettings | undefined {
    return this.#settings.get(`${account}/${region}`);
  }

  setAccountSettings(account: string, region: string, settings: AccountSettings): void {
    this.#settings.set(`${account}/${region}`, { ...settings });
  }

  /** Every account's settings, for snapshots. */
  *allAccountSettings(): Iterable<{ account: string; region: string; settings: AccountSettings }> {
    for (const [key, settings] of this.#settings) {
      const [account = '', region = ''] = key.split('/');
      yield { account, region, settings };
    }
  }

  /** The stream as it is at `now` (finished work applied), or undefined. */
  find(account: string, region: string, name: string, now: number): StreamState | undefined {
    const stream = this.#accounts.get(account)?.get(region)?.get(name);
    if (!stream) return undefined;
    return this.#settle(stream, now);
  }

  /** The stream as stored, pending work not applied (restoring a snapshot). */
  peek(account: string, region: string, name: string): StreamState | undefined {
    return this.#accounts.get(account)?.get(region)?.get(name);
  }

  /** The region's streams at `now`, sorted by name. */
  streams(account: string, region: string, now: number): StreamState[] {
    const streams = this.#accounts.get(account)?.get(region);
    if (!streams) return [];
    const result: StreamState[] = [];
    for (const stream of [...streams.values()]) {
      const settled = this.#settle(stream, now);
      if (settled) result.push(settled);
    }
    return result.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  add(stream: StreamState): void {
    let regions = this.#accounts.get(stream.account);
    if (!regions) this.#accounts.set(stream.account, (regions = new Map<string, Map<string, StreamState>>()));
    let streams = regions.get(stream.region);
    if (!streams) regions.set(stream.region, (streams = new Map<string, StreamState>()));
    streams.set(stream.name, stream);
  }

  remove(stream: StreamState): void {
    const regions = this.#accounts.get(stream.account);
    const streams = regions?.get(stream.region);
    if (!regions || streams?.get(stream.name) !== stream) return;
    streams.delete(stream.name);
    if (streams.size === 0) regions.delete(stream.region);
    if (regions.size === 0) this.#accounts.delete(stream.account);
  }

  /** Every stream, unsettled (for snapshots and retention trimming). */
  *all(): Iterable<StreamState> {
    for (const regions of this.#accounts.values()) for (const streams of regions.values()) yield* [...streams.values()];
  }

  /** How many accounts and regions hold something (tests of what read-only calls allocate). */
  footprint(): { accounts: number; regions: number } {
    let regions = 0;
    for (const byRegion of this.#accounts.values()) regions += byRegion.size;
    return { accounts: this.#accounts.size, regions };
  }

  clear(): void {
    this.#accounts.clear();
    this.#settings.clear();
  }

  #settle(stream: StreamState, now: number): StreamState | undefined {
    if (settleStream(stream, now) === 'gone') {
      this.remove(stream);
      return undefined;
    }
    return stream;
  }
}
