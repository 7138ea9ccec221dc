import { join } from 'node:path';
import { putClassEvent } from '../aws/class-stream.js';
import { ClassOutbox } from '../classroom/class-outbox.js';
import { reportToClass, type ObservableRunner } from '../classroom/class-reporter.js';
import { validateDisplayName } from '../classroom/class-event.js';
import { decodeJoinCode } from '../classroom/join-code.js';
import { configDir } from '../files/progress-store.js';
import { classroomMessages } from '../i18n/classroom-messages.js';
import { classKinesisClient } from './class-client.js';
import type { GlobalOptions } from './parse-args.js';
import { UsageError, orUsageError } from './usage-error.js';

/** A learner's tie to a class: runners report to it; close() sends what it can and keeps the rest. */
export interface ClassMembership {
  observe: (runner: ObservableRunner) => void;
  /** Tells the board the learner left (the interactive lab's quit), on the step they were on. */
  leave(): void;
  /** Returns how many events are still waiting on disk. */
  close(timeoutMs?: number): Promise<number>;
}

/** Checks `--class`/`--name` before anything runs; undefined when no class was named. */
export function classFlags(global: GlobalOptions): { code: string; name: string } | undefined {
  if (global.classCode === undefined) {
    if (global.displayName !== undefined) throw new UsageError({ en: '--name is the display name for a class: use it with --class CODE', ko: '--name은 수업에서 보일 이름입니다. --class CODE와 함께 쓰세요.' });
    return undefined;
  }
  if (global.displayName === undefined) throw new UsageError({ en: classroomMessages('en').classNeedsName, ko: classroomMessages('ko').classNeedsName });
  orUsageError(decodeJoinCode(global.classCode), '--class');
  return { code: global.classCode, name: orUsageError(validateDisplayName(global.displayName)) };
}

export async function joinClass(flags: { code: string; name: string }, global: GlobalOptions, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<ClassMembership> {
  const location = orUsageError(decodeJoinCode(flags.code), '--class');
  const client = classKinesisClient(location, global.profile ?? env.AWS_PROFILE, env, signal);
  const outbox = await ClassOutbox.open({
    dir: join(configDir(env), 'class'),
    code: flags.code,
    name: flags.name,
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
