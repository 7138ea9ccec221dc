import { messages } from '../../i18n/messages.js';
import { startLabSandbox } from '../../sandbox/lab-sandbox.js';
import { sandboxEnvLines } from '../../sandbox/sandbox-banner.js';
import { faultBanner, parseFaultSpec } from '../../sandbox/faults/fault-spec.js';
import type { SandboxOptions } from '../../sandbox/sandbox-types.js';
import { validateMetricsDelay } from '../../validate/metrics-delay.js';
import type { Command } from '../parse-args.js';
import { printNotices, type Output } from '../output.js';
import { SANDBOX_DEFAULT_REGION } from '../run-settings.js';
import { orUsageError, UsageError } from '../usage-error.js';
import type { Lang } from '../../i18n/lang.js';
import { networkInterfaces } from 'node:os';
import { classroomMessages } from '../../i18n/classroom-messages.js';
import { roomUrls } from '../../sandbox/room-addresses.js';
import { isLoopbackHost } from '../loopback-host.js';

type SandboxCommand = Extract<Command, { name: 'sandbox' }>;

export interface SandboxSettings {
  options: SandboxOptions;
  metricsDelayMs?: number;
}

/** Flags → sandbox options, validated before anything listens. */
export function sandboxSettings(cmd: SandboxCommand): SandboxSettings {
  let port = 0;
  if (cmd.port !== undefined) {
    port = Number(cmd.port);
    if (!/^\d+$/.test(cmd.port) || port > 65535) throw new UsageError({ en: `--port must be a whole number from 0 to 65535 (0 picks a free one), not "${cmd.port}"`, ko: `--port는 0부터 65535까지의 정수여야 합니다(0은 비어 있는 포트를 고릅니다). "${cmd.port}"는 안 됩니다` });
  }
  const host = cmd.host ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) throw new UsageError({ en: `--host "${host}" is not a host name or IP address`, ko: `--host 값("${host}")은 호스트 이름이나 IP 주소가 아닙니다` });
  if (cmd.dataDir !== undefined && cmd.ephemeral) throw new UsageError({ en: 'use either --data-dir or --ephemeral, not both', ko: '--data-dir와 --ephemeral 중 하나만 쓰세요' });
  const metricsDelayMs = cmd.metricsDelay === undefined ? undefined : orUsageError(validateMetricsDelay(cmd.metricsDelay), '--metrics-delay');
  const faults = cmd.global.faults === undefined ? undefined : orUsageError(parseFaultSpec(cmd.global.faults), '--faults');
  const limits = cmd.global.limits;
  return { options: { port, host, ...(cmd.dataDir ? { dataDir: cmd.dataDir } : {}), ...(faults ? { faults } : {}), ...(limits ? { limits } : {}) }, metricsDelayMs };
}

/** Loopback only is safe; anything else lets the room in, which the instructor must mean. */
export function isExposed(host: string): boolean {
  return !isLoopbackHost(host);
}

/**
 * Why the sandbox could not listen, said as a usage error (exit 2) naming the flag to change, instead of
 * Node's `getaddrinfo ENOTFOUND`. Undefined for anything else.
 */
export function listenError(error: unknown, host: string, port: number): UsageError | undefined {
  const e = error as { code?: string; message?: string };
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' || e.code === 'EAI_NONAME') {
    return new UsageError({
      en: `--host "${host}" is not a name this machine can resolve; use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface, for a room)`,
      ko: `--host 값("${host}")은 이 컴퓨터가 찾을 수 있는 이름이 아닙니다. 127.0.0.1(이 컴퓨터만) 또는 0.0.0.0(모든 인터페이스, 교실용)을 쓰세요`,
    });
  }
  if (e.code === 'EADDRNOTAVAIL') {
    return new UsageError({
      en: `--host "${host}" is not an address of this machine; use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface, for a room)`,
      ko: `--host 값("${host}")은 이 컴퓨터의 주소가 아닙니다. 127.0.0.1(이 컴퓨터만) 또는 0.0.0.0(모든 인터페이스, 교실용)을 쓰세요`,
    });
  }
  // The sandbox words its own port-in-use error (create-sandbox.ts); Node's carries the code.
  if (e.code === 'EADDRINUSE' || e.message?.includes('is already in use')) {
    return new UsageError({ en: `port ${port} on ${host} is already in use; pick another --port, or --port 0 for a free one`, ko: `${host}의 ${port}번 포트는 이미 쓰이고 있습니다. 다른 --port를 고르거나 --port 0으로 비어 있는 포트를 쓰세요` });
  }
  if (e.code === 'EACCES') {
    return new UsageError({ en: `port ${port} needs administrator rights; pick a port above 1023, or --port 0 for a free one`, ko: `${port}번 포트는 관리자 권한이 필요합니다. 1023보다 큰 포트를 고르거나 --port 0으로 비어 있는 포트를 쓰세요` });
  }
  return undefined;
}

/** `kinesis-lab sandbox`: serves until the signal aborts, printing what learners paste. */
export async function sandboxCommand(cmd: SandboxCommand, lang: Lang, output: Output, signal: AbortSignal, regionHint?: string, interfaces: typeof networkInterfaces = networkInterfaces): Promise<number> {
  const { options, metricsDelayMs } = sandboxSettings(cmd);
  const m = messages(lang);
  const sandbox = await startLabSandbox({ ...options, ...(metricsDelayMs !== undefined ? { metricsDelayMs } : {}) }).catch((error: unknown) => {
    throw listenError(error, options.host ?? '127.0.0.1', options.port ?? 0) ?? error;
  });
  const host = options.host ?? '127.0.0.1';
  // Bound to every interface, the sandbox is reached at the machine's LAN addresses, not 0.0.0.0.
  const urls = roomUrls(sandbox.url, host, interfaces());
  const shownUrl = urls[0] ?? sandbox.url;
  output.out(m.sandboxReady(shownUrl));
  // What the sandbox repaired or set aside in its data folder: never silently.
  printNotices(output, sandbox.notices, lang, false);
  if (isExposed(host)) output.err(m.sandboxExposed(host));
  if (urls.length === 0) output.err(classroomMessages(lang).sandboxNoLan);
  if (urls.length > 1) {
    output.out(classroomMessages(lang).sandboxRoomUrls);
    for (const url of urls) output.out(`  ${url}`);
  }
  if (options.faults) output.err(faultBanner(options.faults)[lang]);
  if (options.limits === 'off') output.err(m.sandboxLimitsOff);
  output.out('');
  output.out(m.sandboxPaste);
  const lines = sandboxEnvLines(shownUrl, regionHint ?? SANDBOX_DEFAULT_REGION);
  for (const line of lines.env) output.out(`  ${line}`);
  output.out(`  # AWS CLI v2 < 2.13: aws kinesis list-streams ${lines.cliHint}`);
  output.out('');
  output.out(m.sandboxStop);
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await sandbox.stop();
  return 0;
}
