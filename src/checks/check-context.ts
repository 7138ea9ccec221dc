import type { EventPatternTester } from '../aws/event-pattern-tester.js';
import type { LogGroupPort } from '../aws/log-group-adapter.js';
import type { IamRolePort } from '../aws/iam-role-adapter.js';
import type { KinesisPort, StreamMode } from '../aws/kinesis-port.js';
import type { PipesPort } from '../aws/pipes-adapter.js';
import type { CommandFor, Diagnosis, DiagnosisContext } from '../diagnose/diagnosis.js';
import type { LabKey, OtherAccountsProbe } from '../diagnose/other-accounts.js';
import type { SessionLedger, StreamIdentity } from '../engine/session-ledger.js';
import type { Ownership } from '../resources/ownership.js';
import type { Surface } from '../i18n/surface.js';
import type { StreamMetricsPort } from '../aws/stream-metrics-port.js';
import type { ElsewhereProbes } from '../aws/elsewhere-probes.js';
import type { StreamMetricsSource } from '../aws/stream-metrics-source.js';

/** Everything a check or an action may use. Built once in cli.tsx; tests pass fakes or sandbox adapters. */
/** A stream's capacity as the learner chose it for step 1. */
export interface StreamShape {
  mode: StreamMode;
  shardCount?: number;
}

export interface LabContext {
  /** Overrides step 1's lab.json params when the learner chose a shape (`--on-demand`, `--shards`). */
  streamShape?: StreamShape;
  kinesis: KinesisPort;
  /** Same stream, but the SDK does not retry: producers retry records themselves and count every throttle. */
  producerKinesis: KinesisPort;
  metrics: StreamMetricsPort;
  /** Step 4's per-minute CloudWatch reads, the search for metrics elsewhere, and how late they show. */
  cloudwatch: StreamMetricsSource;
  /** Step 5's EventBridge Pipes and IAM (its execution role); absent where a caller has no use for them. */
  pipes?: PipesPort;
  iam?: IamRolePort;
  /** EventBridge's TestEventPattern for step 5's filter; on real AWS only (the sandbox uses our matcher). */
  eventPatterns?: EventPatternTester;
  /** Step 5's CloudWatch Logs target (when the learner chose a log group). */
  logs?: LogGroupPort;
  stream: string;
  region: string;
  labId: string;
  /** The value of the `kinesis-lab` tag on what this learner's lab creates (see `labTagValue`); `labId` when absent. */
  labTag?: string;
  /** Whose a same-name resource is (resources/ownership.ts); absent: only `labTag` is this learner's. */
  ownership?: Ownership;
  /** True on the embedded or a local sandbox; some texts differ (no account, faster metrics). */
  sandbox: boolean;
  /** The world this run's progress belongs to (cli/progress-world.ts); recorded with each producer run. */
  world?: string;
  /** Told which stream the lab's stream name means now (its ARN and creation time), when a check or action learns it. */
  noteStream?(identity: StreamIdentity): void;
  endpoint?: string;
  /** On a sandbox: the key the lab signs with, and where else (another account of it) a name exists. */
  labKey?: LabKey;
  otherAccounts?: OtherAccountsProbe;
  /** Where results are read: fixes name keys in the TUI, commands in plain output and `--json`. @default 'tui' */
  surface?: Surface;
  /** The shell command that runs `kinesis-lab <args>` on this run's target, region and stream. @default commandLine(args) */
  command?: CommandFor;
  ledger(): SessionLedger;
  /** Where else the learner's data may be (other regions, similar names), for checks that find nothing here. */
  elsewhere?: ElsewhereProbes;
  /** Turns any thrown error into what / why / fix for the learner. */
  diagnose(error: unknown, ctx: DiagnosisContext): Promise<Diagnosis>;
  clock: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function diagnosisContext(ctx: LabContext, operation?: string): DiagnosisContext {
  return {
    region: ctx.region,
    stream: ctx.stream,
    endpoint: ctx.endpoint,
    sandbox: ctx.sandbox,
    operation,
    ...(ctx.labKey ? { labKey: ctx.labKey } : {}),
    ...(ctx.surface ? { surface: ctx.surface } : {}),
    ...(ctx.command ? { command: ctx.command } : {}),
  };
}
