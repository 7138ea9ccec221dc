import { getCallerIdentity } from '../../aws/caller-identity.js';
import { createKinesisAdapter } from '../../aws/kinesis-adapter.js';
import { createKinesisClient } from '../../aws/kinesis-client.js';
import { simulatePermissions } from '../../aws/simulate-permissions.js';
import { diagnose } from '../../diagnose/catalog.js';
import type { DoctorLine } from '../../doctor/doctor-line.js';
import { runDoctor } from '../../doctor/run-doctor.js';
import type { TerminalFacts } from '../../doctor/terminal-lines.js';
import { configDir, progressPath } from '../../files/progress-store.js';
import { checkConfigHome } from '../config-home.js';
import { LAB_ID } from '../lab-session.js';
import type { Lang } from '../../i18n/lang.js';
import { startLabSandbox } from '../../sandbox/lab-sandbox.js';
import { awsSettingsFor, type ReadySettings } from '../build-lab-context.js';
import { leaseIsServing, startOrJoinSandbox } from '../embedded-sandbox.js';
import { printNotices, type Output } from '../output.js';
import type { GlobalOptions } from '../parse-args.js';
import { resolveRunSettings } from '../run-settings.js';
import { afterGrace } from '../stop-signals.js';

/** `kinesis-lab doctor [--json]`: exit 0 when every line is OK (or could not be checked), 1 when one needs a fix. */
export async function doctorCommand(global: GlobalOptions, json: boolean, env: NodeJS.ProcessEnv, terminal: TerminalFacts, output: Output, lang: Lang, signal?: AbortSignal): Promise<number> {
  const settings = await resolveRunSettings(global, env);
  settings.signal = afterGrace([signal]);
  let stop: () => Promise<void> = () => Promise.resolve();
  if (settings.embeddedSandbox) {
    await checkConfigHome(configDir(env), progressPath(configDir(env), LAB_ID, 'sandbox'), env);
    const sandbox = await startOrJoinSandbox({ configDir: configDir(env), pid: process.pid, isServing: leaseIsServing, start: (dataDir, port) => startLabSandbox({ dataDir, ...(port !== undefined ? { port } : {}) }) });
    settings.endpoint = sandbox.url;
    stop = () => sandbox.stop();
    printNotices(output, sandbox.notices, lang, json);
  }
  try {
    const region = settings.region;
    const ready = { ...settings, region: region ?? 'us-east-1' } as ReadySettings;
    const aws = awsSettingsFor(ready);
    const client = createKinesisClient(aws, { maxAttempts: 1 });
    const kinesis = createKinesisAdapter(client);
    // Doctor prints plain lines: fixes name commands, never keys.
    const ctx = { region: ready.region, stream: ready.stream, endpoint: ready.endpoint, sandbox: ready.target === 'sandbox', surface: 'cli' as const, ...(ready.profile ? { profile: ready.profile } : {}) };
    const lines = await runDoctor({
      nodeVersion: process.version,
      region,
      regionSource: settings.regionSource,
      endpoint: ready.endpoint ?? `https://kinesis.${ready.region}.amazonaws.com`,
      sandbox: ready.target === 'sandbox',
      stream: ready.stream,
      identity: () => getCallerIdentity(aws),
      listStreams: () => kinesis.listStreams(),
      describeStream: () => kinesis.describeStreamSummary(ready.stream),
      simulate: (arn, actions) => simulatePermissions(aws, arn, actions, ['*']),
      diagnose: (error, operation) => diagnose(error, { ...ctx, operation }),
      now: Date.now,
      terminal,
    });
    client.destroy();
    for (const line of lines) output.out(json ? JSON.stringify(jsonLine(line, lang)) : plainLine(line, lang));
    return lines.some((line) => line.status === 'fix') ? 1 : 0;
  } finally {
    await stop();
  }
}

const TAGS = { ok: 'OK ', fix: 'FIX', unchecked: '-- ' } as const;

function plainLine(line: DoctorLine, lang: Lang): string {
  const head = `${TAGS[line.status]} ${line.text[lang]}`;
  return line.fix ? `${head}\n    → ${line.fix[lang]}` : head;
}

function jsonLine(line: DoctorLine, lang: Lang): Record<string, unknown> {
  return { check: line.check, status: line.status, message: line.text[lang], fix: line.fix ? line.fix[lang] : null };
}
