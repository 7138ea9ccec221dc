import { describe, expect, it } from 'vitest';
import type { Output } from '../output.js';
import { isExposed, sandboxCommand, sandboxSettings } from './sandbox-command.js';

const base = { name: 'sandbox' as const, global: { sandbox: false, plain: false }, ephemeral: false };

function capture(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l) };
}

describe('kinesis-lab sandbox', () => {
  it('binds to 127.0.0.1 unless --host says otherwise', () => {
    expect(sandboxSettings(base).options.host).toBe('127.0.0.1');
    expect(sandboxSettings({ ...base, host: '0.0.0.0' }).options.host).toBe('0.0.0.0');
    for (const loopback of ['127.0.0.1', 'localhost', 'LOCALHOST', 'Localhost.', 'lab.localhost', '127.1', '127.0.0.2', '2130706433', '0x7f.1', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1']) {
      expect(isExposed(loopback), loopback).toBe(false);
    }
    for (const exposed of ['0.0.0.0', '::', '192.168.0.12', '::ffff:192.168.0.12', 'my-laptop.local', '128.0.0.1']) expect(isExposed(exposed), exposed).toBe(true);
  });

  it('--port 0 picks a free port, as the port-in-use message says', () => {
    expect(sandboxSettings({ ...base, port: '0' }).options.port).toBe(0);
    expect(() => sandboxSettings({ ...base, port: '-1' })).toThrow('--port must be a whole number from 0 to 65535 (0 picks a free one), not "-1"');
  });

  it('a port already in use is a usage error that offers --port 0, in the learner\'s language', async () => {
    const first = capture();
    const controller = new AbortController();
    const serving = sandboxCommand({ ...base, ephemeral: true }, 'en', first, controller.signal);
    while (!first.lines.some((l) => l.startsWith('Sandbox ready at'))) await new Promise((r) => setTimeout(r, 20));
    const port = new URL(first.lines[0]!.slice('Sandbox ready at '.length)).port;
    try {
      await expect(sandboxCommand({ ...base, ephemeral: true, port }, 'en', capture(), new AbortController().signal)).rejects.toThrow(
        `port ${port} on 127.0.0.1 is already in use; pick another --port, or --port 0 for a free one`,
      );
      await expect(sandboxCommand({ ...base, ephemeral: true, port }, 'ko', capture(), new AbortController().signal)).rejects.toMatchObject({ localized: { ko: expect.stringContaining('--port 0으로 비어 있는 포트') } });
    } finally {
      controller.abort();
      await serving;
    }
  });

  it('LOCALHOST and ::ffff:127.0.0.1 serve without the room warning', async () => {
    for (const host of ['LOCALHOST', '::ffff:127.0.0.1', '127.1']) {
      const output = capture();
      const controller = new AbortController();
      const done = sandboxCommand({ ...base, ephemeral: true, host }, 'en', output, controller.signal);
      while (!output.lines.includes('Press Ctrl+C to stop the sandbox.')) await new Promise((r) => setTimeout(r, 20));
      controller.abort();
      expect(await done).toBe(0);
      expect(output.errors, host).toEqual([]);
    }
  });

  it('serves on 127.0.0.1 by default, prints that URL, no warning and no room addresses', async () => {
    const output = capture();
    const controller = new AbortController();
    const interfaces = () => ({ eth0: [{ address: '192.168.0.12', family: 'IPv4' as const, internal: false, netmask: '', mac: '', cidr: null }] });
    const done = sandboxCommand(base, 'en', output, controller.signal, 'ap-northeast-2', interfaces);
    // The command prints everything, then waits for Ctrl+C; wait for the last line and stop it.
    while (!output.lines.includes('Press Ctrl+C to stop the sandbox.') && output.lines.length < 20) await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    expect(await done).toBe(0);
    expect(output.lines[0]).toMatch(/^Sandbox ready at http:\/\/127\.0\.0\.1:\d+$/);
    expect(output.lines.join('\n')).not.toContain('192.168.0.12');
    expect(output.lines).toContain('  export AWS_REGION=ap-northeast-2');
    expect(output.errors).toEqual([]);
  });

  it('--limits off: serves without AWS limits and says so once, on stderr', async () => {
    const output = capture();
    const controller = new AbortController();
    const done = sandboxCommand({ ...base, global: { ...base.global, limits: 'off' } }, 'ko', output, controller.signal, 'ap-northeast-2', () => ({}));
    while (!output.lines.includes('샌드박스를 멈추려면 Ctrl+C를 누르세요.') && output.lines.length < 20) await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    expect(await done).toBe(0);
    expect(sandboxSettings({ ...base, global: { ...base.global, limits: 'off' } }).options.limits).toBe('off');
    expect(output.errors.filter((line) => line.startsWith('AWS 한도가 꺼져 있습니다(--limits off)'))).toHaveLength(1);
  });
});
