import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { render } from 'ink';
import { createKinesisClient } from '../../aws/kinesis-client.js';
import { ClassStreamTakenError, createClassStream, createClassStreamReader, deleteClassStream } from '../../aws/class-stream.js';
import { ACTION_KINDS } from '../../actions/action-registry.js';
import { CHECK_KINDS } from '../../checks/check-registry.js';
import { BoardFeed } from '../../classroom/board-feed.js';
import { boardText } from '../../classroom/board-table.js';
import { classStreamPolicy, parseAudience, type ClassAudience } from '../../classroom/class-policy.js';
import { decodeJoinCode, encodeJoinCode, type ClassLocation } from '../../classroom/join-code.js';
import type { Lab } from '../../content/lab-model.js';
import { loadLab } from '../../content/load-lab.js';
import { labDir } from '../../content/locate-labs.js';
import { configDir } from '../../files/progress-store.js';
import { classroomMessages } from '../../i18n/classroom-messages.js';
import { commandLine } from '../../i18n/command-line.js';
import { langFromEnv, type Lang } from '../../i18n/lang.js';
import { sleepFor } from '../../producer/retry-policy.js';
import { ClassBoardApp } from '../../ui/ClassBoardApp.js';
import { validateStreamName } from '../../validate/stream-name.js';
import { awsSettingsFor } from '../build-lab-context.js';
import { classKinesisClient } from '../class-client.js';
import { canAsk, confirmOrYes } from '../confirm.js';
import { LAB_ID, type LabSession } from '../lab-session.js';
import type { Output } from '../output.js';
import type { Command } from '../parse-args.js';
import { isLoopbackUrl } from '../loopback-host.js';
import { orUsageError, UsageError } from '../usage-error.js';

type ClassCommand = Extract<Command, { name: 'class' }>;

export const DEFAULT_CLASS_STREAM = 'kinesis-lab-class';

/** Flags of `class create`, checked before a session opens or anything is created. */
export function classCreateOptions(cmd: ClassCommand, target: 'sandbox' | 'aws'): { stream: string; audience?: ClassAudience } {
  const stream = orUsageError(validateStreamName(cmd.classStream ?? DEFAULT_CLASS_STREAM), '--class-stream');
  // The sandbox (kinesalite) has no resource policies: anyone who reaches it may write.
  if (target === 'sandbox') return { stream };
  return { stream, audience: orUsageError(parseAudience(cmd.accounts, cmd.org)) };
}

/**
 * `kinesis-lab class create`: the class progress stream, its resource policy on AWS, and the join
 * command to show the room. Run again, it reuses the stream it made and prints the same code.
 */
export async function classCreateCommand(session: LabSession, cmd: ClassCommand, env: NodeJS.ProcessEnv, output: Output): Promise<number> {
  const { settings } = session;
  const t = classroomMessages(settings.lang);
  const { stream, audience } = classCreateOptions(cmd, settings.target);
  const client = createKinesisClient(awsSettingsFor(settings));
  let created;
  try {
    created = await createClassStream(client, stream, { sleep: sleepFor, ...(audience ? { policy: (arn: string) => classStreamPolicy(arn, audience) } : {}) });
  } catch (error) {
    if (error instanceof ClassStreamTakenError) {
      output.err(t.classTaken(stream));
      return 1;
    }
    throw error;
  } finally {
    client.destroy();
  }
  const location: ClassLocation = { stream, region: settings.region };
  if (settings.target === 'aws') location.arn = created.arn;
  if (settings.endpoint) location.endpoint = settings.endpoint;
  const code = encodeJoinCode(location);
  await rememberClass(configDir(env), code);

  output.out(created.created ? t.classCreated(stream, settings.region) : t.classReused(stream, settings.region));
  if (audience) output.out(t.classPolicy(audience.kind === 'accounts' ? t.classPolicyAccounts(audience.accounts.join(', ')) : t.classPolicyOrg(audience.orgId)));
  else output.out(t.classSandboxNoPolicy);
  if (settings.endpoint && isLoopbackUrl(settings.endpoint)) output.err(t.classEndpointLoopback(settings.endpoint));
  output.out('');
  output.out(t.classJoinHeader);
  // Learners on the room sandbox run their lab there too. They start it with npx on their own machines.
  const where = settings.target === 'sandbox' && settings.endpoint ? `--endpoint-url ${settings.endpoint} ` : '';
  output.out(`  npx kinesis-lab ${where}--class ${code} --name "<${settings.lang === 'ko' ? '이름' : 'your name'}>"`);
  output.out('');
  output.out(t.classBoardHeader);
  output.out(`  ${commandLine(`class board ${code}`)}`);
  output.out('');
  output.out(t.classDeleteHint);
  return 0;
}

/**
 * `kinesis-lab class delete [CODE] [--yes]`: deletes the class progress stream after class — only
 * the one `class create` made (its tag), waiting until it is gone.
 */
export async function classDeleteCommand(cmd: ClassCommand, env: NodeJS.ProcessEnv, output: Output, signal?: AbortSignal): Promise<number> {
  const lang: Lang = cmd.global.lang ?? langFromEnv(env);
  const t = classroomMessages(lang);
  const location = await classLocation(cmd, env);
  if (!(await confirmOrYes({ yes: cmd.yes, plain: cmd.global.plain, lang, command: 'class delete', question: t.classDeleteConfirm(location.stream, location.region) }))) {
    output.out(t.notChanged);
    return 1;
  }
  const client = classKinesisClient(location, cmd.global.profile ?? env.AWS_PROFILE, env, signal);
  try {
    const shards = await deleteClassStream(client, location.stream, { sleep: sleepFor });
    if (shards === undefined) output.out(t.classMissing(location.stream, location.region));
    else output.out(t.classDeleted(location.stream, shards));
    return 0;
  } catch (error) {
    if (error instanceof ClassStreamTakenError) {
      output.err(t.classTaken(location.stream));
      return 1;
    }
    throw error;
  } finally {
    client.destroy();
  }
}

/** The class named on the command line, else the last one created on this machine. */
async function classLocation(cmd: ClassCommand, env: NodeJS.ProcessEnv): Promise<ClassLocation> {
  const code = cmd.code ?? (await lastClass(configDir(env)));
  if (code === undefined) throw new UsageError({ en: `class ${cmd.action} needs the class code (${commandLine(`class ${cmd.action} KL1-…`)}), or run class create first`, ko: `class ${cmd.action}에는 수업 코드가 필요합니다(${commandLine(`class ${cmd.action} KL1-…`)}). 또는 먼저 class create를 실행하세요.` });
  return orUsageError(decodeJoinCode(code), 'class code');
}

/**
 * `kinesis-lab class board [CODE] [--once]`: the live table in a terminal; with --plain or without a
 * terminal, text snapshots whenever the board changes (or one snapshot with --once, once every shard
 * is read).
 */
export async function classBoardCommand(cmd: ClassCommand, env: NodeJS.ProcessEnv, output: Output, signal: AbortSignal): Promise<number> {
  const lang: Lang = cmd.global.lang ?? langFromEnv(env);
  const t = classroomMessages(lang);
  const location = await classLocation(cmd, env);
  const lab = await loadLab(labDir(LAB_ID), { checkKinds: CHECK_KINDS, actionKinds: ACTION_KINDS });
  const { order, titles } = stepTitles(lab, lang);
  const client = classKinesisClient(location, cmd.global.profile ?? env.AWS_PROFILE, env, signal);
  const feed = new BoardFeed(createClassStreamReader(client, location.stream));
  try {
    if (cmd.once) {
      const snapshot = await feed.catchUp(undefined, undefined, signal);
      // One look, no retry: say so, and name a missing class stream plainly (after class delete).
      if (snapshot.error) output.err(snapshot.error.includes('ResourceNotFound') ? t.boardMissing(location.stream) : t.boardErrorOnce(snapshot.error));
      for (const line of boardText(snapshot.board, { order, titles, now: Date.now(), stream: location.stream }, t)) output.out(line);
      return snapshot.error ? 1 : 0;
    }
    if (canAsk(cmd.global.plain)) {
      let quit: () => void = () => undefined;
      const quitting = new Promise<void>((resolve) => (quit = resolve));
      signal.addEventListener('abort', () => quit(), { once: true });
      const app = render(<ClassBoardApp feed={feed} order={order} titles={titles} stream={location.stream} t={t} onQuit={quit} />, { exitOnCtrlC: false });
      await quitting;
      app.unmount();
      await app.waitUntilExit();
      return 0;
    }
    // Plain: a new snapshot only when something changed, so a log or screen reader is not flooded.
    let shown = -1;
    let lastError: string | undefined;
    while (!signal.aborted) {
      const snapshot = await feed.pollOnce();
      if (snapshot.error !== lastError && snapshot.error) output.err(t.boardError(snapshot.error));
      lastError = snapshot.error;
      if (snapshot.board.events !== shown) {
        shown = snapshot.board.events;
        output.out('');
        for (const line of boardText(snapshot.board, { order, titles, now: Date.now(), stream: location.stream }, t)) output.out(line);
      }
      await sleepFor(2_000, signal).catch(() => undefined);
    }
    return 0;
  } finally {
    client.destroy();
  }
}

export function stepTitles(lab: Lab, lang: Lang): { order: string[]; titles: Record<string, string> } {
  return { order: lab.steps.map((s) => s.id), titles: Object.fromEntries(lab.steps.map((s) => [s.id, s.title[lang]])) };
}

/** `<config>/class/instructor.json`: the last class this machine created, so `class board` needs no code. */
async function rememberClass(dir: string, code: string): Promise<void> {
  await mkdir(join(dir, 'class'), { recursive: true, mode: 0o700 });
  await writeFile(join(dir, 'class', 'instructor.json'), JSON.stringify({ code }), { mode: 0o600 });
}

async function lastClass(dir: string): Promise<string | undefined> {
  try {
    const value = JSON.parse(await readFile(join(dir, 'class', 'instructor.json'), 'utf8')) as { code?: unknown };
    return typeof value.code === 'string' ? value.code : undefined;
  } catch {
    return undefined;
  }
}
