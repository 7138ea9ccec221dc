import { commandLine } from '../i18n/command-line.js';
import { parseFaultSpec, type FaultSpec } from '../sandbox/faults/fault-spec.js';
import type { LimitsSetting } from '../sandbox/kinesis/limits/kinesis-limits.js';
import type { GlobalOptions } from './parse-args.js';
import { orUsageError, UsageError } from './usage-error.js';

/**
 * `--faults` on a lab command: only the embedded sandbox this process starts can inject them; real
 * AWS and a separate sandbox cannot be told to misbehave from here.
 */
export function embeddedFaults(global: Pick<GlobalOptions, 'faults'>, embeddedSandbox: boolean): FaultSpec | undefined {
  if (global.faults === undefined) return undefined;
  if (!embeddedSandbox) {
    throw new UsageError({
      en: `--faults makes the sandbox misbehave on purpose: use it with --sandbox, or on ${commandLine('sandbox')}`,
      ko: `--faults는 샌드박스가 일부러 장애를 내게 합니다: --sandbox와 함께 쓰거나 ${commandLine('sandbox')}에 쓰세요`,
    });
  }
  return orUsageError(parseFaultSpec(global.faults), '--faults');
}

/** `--limits` on a lab command: AWS's own limits cannot be switched off, only the embedded sandbox's. */
export function embeddedLimits(global: Pick<GlobalOptions, 'limits'>, embeddedSandbox: boolean): LimitsSetting | undefined {
  if (global.limits === undefined) return undefined;
  if (!embeddedSandbox) {
    throw new UsageError({
      en: `--limits sets the sandbox's throughput limits (AWS's cannot be turned off): use it with --sandbox, or on ${commandLine('sandbox')}`,
      ko: `--limits는 샌드박스의 처리량 한도를 정합니다(AWS의 한도는 끌 수 없습니다): --sandbox와 함께 쓰거나 ${commandLine('sandbox')}에 쓰세요`,
    });
  }
  return global.limits;
}
