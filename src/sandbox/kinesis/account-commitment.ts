/**
 * The account's minimum throughput billing commitment as AWS documents it: enabled for at least 24
 * hours; a disable asked for sooner is scheduled for the earliest allowed end
 * (ENABLED_UNTIL_EARLIEST_ALLOWED_END), and enabling again before then cancels it.
 */
import type { AccountSettings } from './stream-state.js';

export const COMMITMENT_MIN_MS = 24 * 3_600_000;

export type CommitmentStatus = 'ENABLED' | 'DISABLED' | 'ENABLED_UNTIL_EARLIEST_ALLOWED_END';

export function commitmentStatus(settings: AccountSettings | undefined, now: number): CommitmentStatus {
  if (settings?.startedMs === undefined || (settings.endedMs !== undefined && settings.endedMs <= now)) return 'DISABLED';
  if (!settings.disableAsked) return 'ENABLED';
  return now < (settings.earliestEndMs ?? 0) ? 'ENABLED_UNTIL_EARLIEST_ALLOWED_END' : 'DISABLED';
}

/** MinimumThroughputBillingCommitment as DescribeAccountSettings shows it (times in epoch seconds). */
export function commitmentView(settings: AccountSettings | undefined, now: number): Record<string, unknown> {
  const status = commitmentStatus(settings, now);
  const seconds = (ms: number | undefined) => Math.floor((ms ?? 0) / 1000);
  if (settings?.startedMs === undefined) return { Status: status };
  const ended = settings.endedMs ?? (status === 'DISABLED' ? settings.earliestEndMs : undefined);
  return {
    Status: status,
    StartedAt: seconds(settings.startedMs),
    ...(status === 'DISABLED' && ended !== undefined ? { EndedAt: seconds(ended) } : { EarliestAllowedEndAt: seconds(settings.earliestEndMs) }),
  };
}

/** The settings after UpdateAccountSettings asks for `wanted` at `now`. */
export function commitmentAfter(settings: AccountSettings | undefined, wanted: 'ENABLED' | 'DISABLED', now: number): AccountSettings {
  const status = commitmentStatus(settings, now);
  if (wanted === 'ENABLED') {
    if (status === 'DISABLED') return { startedMs: now, earliestEndMs: now + COMMITMENT_MIN_MS };
    return { ...settings, disableAsked: false };
  }
  if (status !== 'ENABLED' || !settings) return { ...settings };
  return now < (settings.earliestEndMs ?? 0) ? { ...settings, disableAsked: true } : { ...settings, endedMs: now };
}
