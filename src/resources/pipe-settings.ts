/**
 * What step 5 builds: the pipe's settings (from lab.json params, overridden by what the learner chose
 * in the pipe panel) and the names of the resources the lab creates for it (a target stream or log
 * group, a role, the pipe). The action creates
 * from these, the check compares the live pipe with them, the panel edits them. Pure.
 */

export type StartingPosition = 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP';
/** Where the pipe delivers: a second Kinesis stream (the default) or a CloudWatch Logs log group. */
export type PipeTargetKind = 'kinesis' | 'logs';
export const PIPE_TARGET_KINDS: readonly PipeTargetKind[] = ['kinesis', 'logs'];
export const STARTING_POSITIONS: readonly StartingPosition[] = ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'];

/** Limits from the Pipes API (KinesisStreamParameters). */
export const PIPE_LIMITS = {
  batchSize: { min: 1, max: 10_000 },
  batchingWindowSeconds: { min: 0, max: 300 },
  parallelizationFactor: { min: 1, max: 10 },
  maximumRetryAttempts: { min: -1, max: 10_000 },
} as const;

export interface PipeSettings {
  /** @default 'TRIM_HORIZON' (LATEST can miss what arrives while the pipe is CREATING) */
  startingPosition: StartingPosition;
  /** Epoch seconds; only with AT_TIMESTAMP. */
  startingPositionTimestamp?: number;
  /** @default 100 */
  batchSize: number;
  /** MaximumBatchingWindowInSeconds. @default 1 */
  batchingWindowSeconds: number;
  /** @default 1 */
  parallelizationFactor: number;
  /** -1 retries until the record expires. @default 10 */
  maximumRetryAttempts: number;
  /** Split a failing batch in two and retry each half. @default true */
  bisectOnFailure: boolean;
  /** One FilterCriteria pattern (JSON text), or none: every record passes. */
  filter?: string;
  /** @default 'kinesis' */
  target: PipeTargetKind;
}

export const DEFAULT_PIPE_SETTINGS: PipeSettings = {
  startingPosition: 'TRIM_HORIZON',
  batchSize: 100,
  batchingWindowSeconds: 1,
  parallelizationFactor: 1,
  maximumRetryAttempts: 10,
  bisectOnFailure: true,
  target: 'kinesis',
};

/** Every log group the lab creates starts with this, so cleanup lists only these. */
export const LOG_GROUP_PREFIX = '/kinesis-lab/';

/** Names of what the lab makes for a source stream. Names fit Pipes' 64 and IAM's 64 characters. */
export interface PipeNames {
  pipe: string;
  role: string;
  /** Inline policy on the role. */
  policy: string;
  targetStream: string;
  /** The target when the learner chose CloudWatch Logs. */
  logGroup: string;
  /** The log stream the pipe writes in that group (CloudWatchLogsParameters.LogStreamName). */
  logStream: string;
}

export function pipeNamesFor(stream: string, params: Record<string, unknown> = {}): PipeNames {
  const base = stream.slice(0, 50);
  return {
    pipe: stringParam(params.pipeName) ?? `${base}-pipe`,
    role: stringParam(params.roleName) ?? `${base}-pipe-role`,
    policy: 'kinesis-lab-pipe-access',
    targetStream: stringParam(params.targetStream) ?? `${stream.slice(0, 114)}-pipe-target`,
    logGroup: stringParam(params.logGroup) ?? `${LOG_GROUP_PREFIX}${stream}-pipe-target`,
    logStream: stringParam(params.pipeName) ?? `${base}-pipe`,
  };
}

/**
 * Settings from step params (lab.json defaults with the learner's choices merged over them).
 * Values of the wrong type or out of range fall back to the default: params were written by the lab
 * or by the panel, which validates, so this only guards against a hand-edited progress file.
 */
export function pipeSettingsFrom(params: Record<string, unknown>): PipeSettings {
  const d = DEFAULT_PIPE_SETTINGS;
  const position = STARTING_POSITIONS.includes(params.startingPosition as StartingPosition) ? (params.startingPosition as StartingPosition) : d.startingPosition;
  const settings: PipeSettings = {
    startingPosition: position,
    batchSize: intParam(params.batchSize, PIPE_LIMITS.batchSize) ?? d.batchSize,
    batchingWindowSeconds: intParam(params.batchingWindowSeconds, PIPE_LIMITS.batchingWindowSeconds) ?? d.batchingWindowSeconds,
    parallelizationFactor: intParam(params.parallelizationFactor, PIPE_LIMITS.parallelizationFactor) ?? d.parallelizationFactor,
    maximumRetryAttempts: intParam(params.maximumRetryAttempts, PIPE_LIMITS.maximumRetryAttempts) ?? d.maximumRetryAttempts,
    bisectOnFailure: typeof params.bisectOnFailure === 'boolean' ? params.bisectOnFailure : d.bisectOnFailure,
    target: PIPE_TARGET_KINDS.includes(params.target as PipeTargetKind) ? (params.target as PipeTargetKind) : d.target,
  };
  if (position === 'AT_TIMESTAMP') {
    // Without a time the action picks one (an hour before it runs).
    if (typeof params.startingPositionTimestamp === 'number' && params.startingPositionTimestamp > 0) settings.startingPositionTimestamp = params.startingPositionTimestamp;
  }
  const filter = stringParam(params.filter);
  if (filter !== undefined && filter.trim() !== '') settings.filter = filter;
  return settings;
}

/** The settings as step params (what the panel stores and the progress file keeps). */
export function pipeSettingsToParams(settings: PipeSettings): Record<string, unknown> {
  const params: Record<string, unknown> = {
    startingPosition: settings.startingPosition,
    batchSize: settings.batchSize,
    batchingWindowSeconds: settings.batchingWindowSeconds,
    parallelizationFactor: settings.parallelizationFactor,
    maximumRetryAttempts: settings.maximumRetryAttempts,
    bisectOnFailure: settings.bisectOnFailure,
    target: settings.target,
  };
  if (settings.startingPositionTimestamp !== undefined) params.startingPositionTimestamp = settings.startingPositionTimestamp;
  params.filter = settings.filter ?? '';
  return params;
}

/** The pattern text normalized (parsed and printed again), so whitespace never counts as a difference. */
export function normalizePattern(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text.trim();
  }
}

function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function intParam(value: unknown, range: { min: number; max: number }): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max ? value : undefined;
}
