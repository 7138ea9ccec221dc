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
    expect(isExposed('127.0.0.1')).toBe(false);
    expect(isExposed('localhost')).toBe(false);
    expect(isExposed('0.0.0.0')).toBe(true);
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
});
