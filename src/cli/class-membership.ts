import { join } from 'node:path';
import { putClassEvent } from '../aws/class-stream.js';
import { ClassOutbox } from '../classroom/class-outbox.js';
import { reportToClass, type ObservableRunner } from '../classroom/class-reporter.js';
import { validateDisplayName } from '../classroom/class-event.js';
import { formatCode } from '../shared/class-code.js';
import { readJoinCode, type ClassLocation, type JoinProblem, type JoinTarget } from '../classroom/join-code.js';
import { learnerIdIn } from '../classroom/learner-identity.js';
import { learnerKey } from '../classroom/learner-key.js';
import { publishValue } from '../diagnose/redact-secrets.js';
import { configDir } from '../files/progress-store.js';
import { classroomText, type ClassroomMessages } from '../i18n/classroom-messages.js';
import type { Localized } from '../i18n/lang.js';
import { classKinesisClient } from './class-client.js';
import { lookUpClass, registryOptions } from './class-registry-client.js';
import type { GlobalOptions } from './parse-args.js';
import type { RoomSandbox } from './run-settings.js';
import { UsageError, orUsageError } from './usage-error.js';
import { shellWord } from '../sandbox/sandbox-paste.js';

/** A learner's tie to a class: runners report to it; close() sends what it can and keeps the rest. */
export interface ClassMembership {
  observe: (runner: ObservableRunner) => void;
  /** Tells the board the learner left (the interactive lab's quit), on the step they were on. */
  leave(): void;
  /** Returns how many events are still waiting on disk. */
  close(timeoutMs?: number): Promise<number>;
}

/** `--class` and `--name` as given, checked without calling anything. */
export interface ClassFlags {
  target: JoinTarget;
  name: string;
}

/** A class named with `--class`, found: where its stream is, and on a room sandbox the learner's own key there. */
export interface ClassJoin {
  /** The code as the identity files key it (normalized short code, or the long code). */
  code: string;
  name: string;
  location: ClassLocation;
  /** On a room sandbox: the sandbox, and the key every call of this learner's lab signs with there. */
  room?: Required<RoomSandbox>;
}

/** `--class … --name …` again, quoted for a shell: what a suggested command adds to stay in the class. */
export function classArgs(global: GlobalOptions): string[] {
  return global.classCode === undefined || global.displayName === undefined ? [] : ['--class', shellWord(global.classCode.trim()), '--name', shellWord(global.displayName)];
}

/** Checks `--class`/`--name` before anything runs; undefined when no class was named. */
export function classFlags(global: GlobalOptions): ClassFlags | undefined {
  if (global.classCode === undefined) {
    if (global.displayName !== undefined) throw new UsageError({ en: '--name is the display name for a class: use it with --class CODE', ko: '--name은 수업에서 보일 이름입니다. --class CODE와 함께 쓰세요.' });
    return undefined;
  }
  if (global.displayName === undefined) throw new UsageError(classroomText((t) => t.classNeedsName));
  return { target: readClassCode(global.classCode), name: orUsageError(validateDisplayName(global.displayName)) };
}

/** A `--class` value (or a class command's CODE), or a usage error saying what is wrong with it. */
export function readClassCode(text: string): JoinTarget {
  const read = readJoinCode(text);
  if (!read.ok) throw new UsageError(problemText(read.problem, text.trim()));
  return read.value;
}

const PROBLEM_TEXTS: Record<JoinProblem, (t: ClassroomMessages, text: string) => string> = {
  check: (t, text) => t.classCodeMistyped(text),
  'look-alike': (t, text) => t.classCodeLookAlike(text),
  'not-in-alphabet': (t, text) => t.classCodeNotACode(text),
  length: (t, text) => t.classCodeNotACode(text),
  'no-class': (t, text) => t.classCodeNoClass(text),
  address: (t, text) => t.classAddressBad(text),
  'legacy-room': (t) => t.classLegacyRoom,
  'legacy-damaged': (t) => t.classLegacyDamaged,
};

function problemText(problem: JoinProblem, text: string): Localized {
  return classroomText((t) => PROBLEM_TEXTS[problem](t, text));
}

/**
 * Where a room code's class is: asked of the room sandbox's class registry (the endpoint from the code,
 * else `--endpoint-url` or the environment). A code the sandbox does not know, or a sandbox that does
 * not answer, is a usage error naming it, before anything else runs. An ended class (its stream
 * deleted) is an error only when `ended` says so.
 */
export async function locateRoomClass(
  target: Extract<JoinTarget, { kind: 'room' }>,
  global: GlobalOptions,
  env: NodeJS.ProcessEnv,
  opts: { endedIsError: boolean; fetchImpl?: typeof fetch },
): Promise<ClassLocation & { endpoint: string }> {
  const endpoint = target.endpoint ?? global.endpointUrl ?? env.AWS_ENDPOINT_URL_KINESIS ?? env.AWS_ENDPOINT_URL;
  const shown = formatCode(target.code);
  if (endpoint === undefined) throw new UsageError(classroomText((t) => t.classNeedsAddress(shown)));
  const found = await lookUpClass(endpoint, target.code, { ...registryOptions(env), ...(opts.fetchImpl ? { fetchImpl: opts.fetchImpl } : {}) });
  switch (found.kind) {
    case 'none':
      throw new UsageError(classroomText((t) => t.classNoSuch(shown, endpoint)));
    case 'not-a-sandbox':
      throw new UsageError(classroomText((t) => t.classNotSandbox(endpoint)));
    case 'unreachable':
      throw new UsageError(classroomText((t) => t.classUnreachable(endpoint, found.error)));
    case 'no-answer':
      throw new UsageError(classroomText((t) => t.classNoAnswer(endpoint, found.afterMs)));
    case 'ended':
      if (opts.endedIsError) throw new UsageError(classroomText((t) => t.classEnded(shown)));
  }
  const { stream, region, arn } = found.entry;
  return { stream, region, arn, endpoint };
}

/**
 * Where the class is; on a room sandbox also the learner's own key there, the same on every run from
 * this install (learner-key.ts).
 */
export async function findClass(flags: ClassFlags, global: GlobalOptions, env: NodeJS.ProcessEnv, fetchImpl?: typeof fetch): Promise<ClassJoin> {
  const { target, name } = flags;
  if (target.kind === 'located') return { code: target.code, name, location: target.location };
  const location = await locateRoomClass(target, global, env, { endedIsError: true, ...(fetchImpl ? { fetchImpl } : {}) });
  const key = learnerKey(target.code, await learnerIdIn(classDir(env), target.code));
  // A sandbox's key, shown to the learner for their own shell (the m view), like the sandbox's default one.
  publishValue(key.accessKeyId);
  publishValue(key.secretAccessKey);
  return { code: target.code, name, location, room: { endpoint: location.endpoint, credentials: key } };
}

/**
 * The room sandbox of `--class`, read without asking it (no key): for the commands that only look at
 * saved progress (reset, report), which must find the class's progress where the lab saved it.
 */
export function classRoomOffline(global: GlobalOptions, env: NodeJS.ProcessEnv): RoomSandbox | undefined {
  if (global.classCode === undefined) return undefined;
  const target = readClassCode(global.classCode);
  if (target.kind !== 'room') return undefined;
  const endpoint = target.endpoint ?? global.endpointUrl ?? env.AWS_ENDPOINT_URL_KINESIS ?? env.AWS_ENDPOINT_URL;
  return endpoint === undefined ? undefined : { endpoint };
}

function classDir(env: NodeJS.ProcessEnv): string {
  return join(configDir(env), 'class');
}

export async function joinClass(joined: ClassJoin, global: GlobalOptions, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<ClassMembership> {
  const { location } = joined;
  // The learner's own account posts to the instructor's stream by its ARN, as the stream's resource policy allows.
  const client = classKinesisClient(location, { profile: global.profile ?? env.AWS_PROFILE, ...(joined.room ? { credentials: joined.room.credentials } : {}) }, env, signal);
  const outbox = await ClassOutbox.open({
    dir: classDir(env),
    code: joined.code,
    name: joined.name,
    send: (event, data) => putClassEvent(client, location, event.learnerId, data),
  });
  outbox.kick();
  const unsubscribers: (() => void)[] = [];
  let step: string | undefined;
  return {
    observe: (runner) => {
      step = runner.current.state.current;
      unsubscribers.push(reportToClass(runner, outbox), runner.subscribe((view) => (step = view.state.current)));
    },
    leave: () => void (step !== undefined && outbox.enqueue({ step, status: 'left' })),
    async close(timeoutMs = 3_000) {
      for (const stop of unsubscribers) stop();
      const waiting = await outbox.close(timeoutMs);
      client.destroy();
      return waiting;
    },
  };
}
