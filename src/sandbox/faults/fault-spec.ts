/**
 * What `kinesis-lab sandbox --faults <spec>` (and `--sandbox --faults`) asks the sandbox to do wrong
 * on purpose, so a class can watch a producer meet throttling, server errors and broken connections.
 *
 * Spec: comma-separated items, any order, each at most once:
 *   throttle            enforce Kinesis's per-shard write limits (1,000 records/s and 1 MiB/s)
 *   throttle=200        the same with a lower record limit per shard, to throttle a slow producer
 *   error-rate=0.05     answer this share of PutRecord/PutRecords calls with a 500 or 503
 *   reset-rate=0.01     drop the connection on this share of them (half after the records were written)
 *   latency=50ms        delay every Kinesis call by this long (ms or s)
 *   seed=42             make the random choices repeatable
 */
import type { Localized } from '../../i18n/lang.js';

/** Kinesis's write limits per shard. */
export const SHARD_WRITE_RECORDS_PER_SECOND = 1000;
export const SHARD_WRITE_BYTES_PER_SECOND = 1_048_576;

export interface FaultSpec {
  /** Per-shard write limits to enforce; absent: no throttling. */
  throttle?: { recordsPerSecond: number; bytesPerSecond: number };
  /** Share (0–1) of PutRecord/PutRecords calls answered 500 InternalFailure or 503 ServiceUnavailable. @default 0 */
  errorRate?: number;
  /** Share (0–1) of PutRecord/PutRecords calls whose connection is reset. @default 0 */
  resetRate?: number;
  /** Added to every Kinesis call, ms. @default 0 */
  latencyMs?: number;
  /** Seeds the random choices; unseeded uses Math.random. */
  seed?: number;
}

export type FaultSpecResult = { ok: true; value: FaultSpec } | { ok: false; message: Localized };

const KNOWN = 'throttle, throttle=N, error-rate=0..1, reset-rate=0..1, latency=50ms, seed=N';

/** Parses a spec like `throttle,error-rate=0.05,reset-rate=0.01,latency=50ms`. */
export function parseFaultSpec(text: string): FaultSpecResult {
  const items = text.split(',').map((item) => item.trim());
  if (text.trim() === '' || items.some((item) => item === '')) {
    return fail(`"${text}" is not a fault list (expected e.g. throttle,error-rate=0.05,latency=50ms)`, `장애 목록으로 읽을 수 없는 값입니다: "${text}" (예: throttle,error-rate=0.05,latency=50ms)`);
  }
  const spec: FaultSpec = {};
  const seen = new Set<string>();
  for (const item of items) {
    const [name, value] = item.split('=', 2) as [string, string | undefined];
    if (seen.has(name)) return fail(`"${name}" is given twice`, `장애 "${name}" 항목이 두 번 나옵니다`);
    seen.add(name);
    switch (name) {
      case 'throttle': {
        if (value === undefined) {
          spec.throttle = { recordsPerSecond: SHARD_WRITE_RECORDS_PER_SECOND, bytesPerSecond: SHARD_WRITE_BYTES_PER_SECOND };
          break;
        }
        const n = Number(value);
        if (!/^\d+$/.test(value) || n < 1 || n > SHARD_WRITE_RECORDS_PER_SECOND) {
          return fail(`throttle=${value}: the records per second per shard must be a whole number from 1 to 1000`, `throttle=${value}: 샤드당 초당 레코드 수는 1부터 1000까지의 정수여야 합니다`);
        }
        spec.throttle = { recordsPerSecond: n, bytesPerSecond: SHARD_WRITE_BYTES_PER_SECOND };
        break;
      }
      case 'error-rate':
      case 'reset-rate': {
        const rate = Number(value);
        if (value === undefined || value.trim() === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
          return fail(`${name} needs a share from 0 to 1, e.g. ${name}=0.05 (got "${value ?? ''}")`, `${name}에는 0부터 1 사이의 비율이 필요합니다. 예: ${name}=0.05 (받은 값 "${value ?? ''}")`);
        }
        if (name === 'error-rate') spec.errorRate = rate;
        else spec.resetRate = rate;
        break;
      }
      case 'latency': {
        const match = value === undefined ? null : /^(\d+(?:\.\d+)?)(ms|s)$/.exec(value);
        const ms = match ? Number(match[1]) * (match[2] === 's' ? 1000 : 1) : NaN;
        if (!match || ms > 60_000) {
          return fail(`latency needs a duration up to 60s, e.g. latency=50ms (got "${value ?? ''}")`, `latency에는 60초 이하의 시간이 필요합니다. 예: latency=50ms (받은 값 "${value ?? ''}")`);
        }
        spec.latencyMs = ms;
        break;
      }
      case 'seed': {
        if (value === undefined || !/^\d+$/.test(value)) return fail(`seed needs a whole number, e.g. seed=42 (got "${value ?? ''}")`, `seed에는 정수가 필요합니다. 예: seed=42 (받은 값 "${value ?? ''}")`);
        spec.seed = Number(value);
        break;
      }
      default:
        return fail(`unknown fault "${name}" (known: ${KNOWN})`, `알 수 없는 장애 "${name}" (사용 가능: ${KNOWN})`);
    }
  }
  return { ok: true, value: spec };
}

/** True when the spec asks for more than a lower write limit (the engine's own: kinesis/limits/). */
export function hasInjectedFaults(spec: FaultSpec): boolean {
  return (spec.errorRate ?? 0) > 0 || (spec.resetRate ?? 0) > 0 || (spec.latencyMs ?? 0) > 0;
}

/** One line for the sandbox banner, e.g. `throttle 1000 records/s per shard, 5% errors, 50 ms latency`. */
export function describeFaults(spec: FaultSpec): Localized {
  const en: string[] = [];
  const ko: string[] = [];
  if (spec.throttle) {
    en.push(`per-shard limits ${spec.throttle.recordsPerSecond} records/s and 1 MiB/s`);
    ko.push(`샤드당 한도 초당 ${spec.throttle.recordsPerSecond}개·1 MiB`);
  }
  if (spec.errorRate) {
    en.push(`${percent(spec.errorRate)} of writes answered 500/503`);
    ko.push(`쓰기의 ${percent(spec.errorRate)}에 500/503 응답`);
  }
  if (spec.resetRate) {
    en.push(`${percent(spec.resetRate)} of writes lose their connection`);
    ko.push(`쓰기의 ${percent(spec.resetRate)}에서 연결 끊김`);
  }
  if (spec.latencyMs) {
    en.push(`${spec.latencyMs} ms added latency`);
    ko.push(`지연 ${spec.latencyMs}ms 추가`);
  }
  return { en: en.join(', ') || 'none', ko: ko.join(', ') || '없음' };
}

/** What the sandbox prints at start when it injects faults, so nobody mistakes them for a real outage. */
export function faultBanner(spec: FaultSpec): Localized {
  const what = describeFaults(spec);
  return { en: `Injecting faults on purpose: ${what.en}.`, ko: `일부러 장애를 주입하는 중입니다: ${what.ko}.` };
}

function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

function fail(en: string, ko: string): FaultSpecResult {
  return { ok: false, message: { en, ko } };
}
