/**
 * The server side of scripts/bench-engine: starts one Kinesis engine option in this process and
 * answers the orchestrator over the IPC channel with this process's own CPU time and RSS, so the
 * figures are the engine's and not the load generator's.
 *
 *   node .bench/bench-engine-server.mjs OPTION [--data-dir DIR] [--kinesalite DIR]
 *
 * OPTION:
 *   sandbox            the sandbox as learners get it (src/sandbox/lab-sandbox.ts: Kinesis plus the CloudWatch
 *                      recorder, Pipes, Logs, IAM, STS) as it is in this tree, in memory
 *   sandbox-disk       the same with a data folder (--data-dir)
 *   kinesalite-direct  kinesalite's own HTTP handler as the only hop (memdown), from --kinesalite DIR
 *   prototype          scripts/bench-engine-prototype.ts (option d before it was built)
 */
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import { parseArgs } from 'node:util';
import { startLabSandbox } from '../src/sandbox/lab-sandbox.js';
import { startPrototype } from './bench-engine-prototype.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { 'data-dir': { type: 'string' }, kinesalite: { type: 'string' } },
});
const option = positionals[0];

async function start(): Promise<{ port: number; stop: () => Promise<void> }> {
  switch (option) {
    case 'sandbox':
    case 'sandbox-disk': {
      const dataDir = values['data-dir'];
      if (option === 'sandbox-disk' && !dataDir) throw new Error('sandbox-disk needs --data-dir');
      const sandbox = await startLabSandbox({
        createStreamMs: 0, shardLimit: 100_000, ...(option === 'sandbox-disk' && dataDir ? { dataDir } : {}),
      });
      return { port: sandbox.port, stop: () => sandbox.stop() };
    }
    case 'kinesalite-direct': {
      const folder = values.kinesalite;
      if (!folder) throw new Error('kinesalite-direct needs --kinesalite DIR (a folder holding kinesalite)');
      const kinesalite = createRequire(`${folder}/`)(folder) as (options: Record<string, unknown>) => Server;
      const server = kinesalite({ createStreamMs: 0, shardLimit: 100_000 });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      return { port: portOf(server), stop: () => new Promise((resolve) => server.close(() => resolve())) };
    }
    case 'prototype': {
      const server = await startPrototype();
      return { port: portOf(server), stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
    }
    default:
      throw new Error(`unknown option ${String(option)}`);
  }
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

const running = await start();
const send = (message: unknown): void => {
  process.send?.(message);
};
process.on('message', (message: { type?: string }) => {
  if (message.type === 'usage') {
    const cpu = process.cpuUsage();
    send({ type: 'usage', cpuMicros: cpu.user + cpu.system, rss: process.memoryUsage().rss });
  } else if (message.type === 'stop') {
    void running.stop().finally(() => process.exit(0));
  }
});
send({ type: 'ready', port: running.port });
