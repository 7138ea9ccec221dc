import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { render } from 'ink';
import { createKinesisClient } from '../../aws/kinesis-client.js';
import { ClassStreamTakenError, createClassStream, createClassStreamReader, deleteClassStream } from '../../aws/class-stream.js';
import { ACTION_KINDS } from '../../actions/action-registry.js';
import { CHECK_KINDS } from '../../checks/check-registry.js';
import { BoardFeed } from '../../classroom/board-feed.js';
import { boardText } from '../../classroom/board-table.js';
import { CLASS_STREAM_BASE, encodeAwsClass } from '../../classroom/aws-class-code.js';
import { formatCode } from '../../shared/class-code.js';
import { classStreamPolicy, parseAudience, type ClassAudience } from '../../classroom/class-policy.js';
import { encodeLongCode, type ClassLocation } from '../../classroom/join-code.js';
import type { Lab } from '../../content/lab-model.js';
import { loadLab } from '../../content/load-lab.js';
import { labDir } from '../../content/locate-labs.js';
import { configDir } from '../../files/progress-store.js';
import { classroomMessages, classroomText, type ClassroomMessages } from '../../i18n/classroom-messages.js';
import { commandLine } from '../../i18n/command-line.js';
import { langFromEnv, type Lang } from '../../i18n/lang.js';
import { sleepFor } from '../../producer/retry-policy.js';
import { ClassBoardApp } from '../../ui/ClassBoardApp.js';
import { validateStreamName } from '../../validate/stream-name.js';
import { awsSettingsFor } from '../build-lab-context.js';
import { classKinesisClient } from '../class-client.js';
import { locateRoomClass, readClassCode } from '../class-membership.js';
import { isKinesisLabSandbox, registerClass, registryOptions } from '../class-registry-client.js';
import { canAsk, confirmOrYes } from '../confirm.js';
import { LAB_ID, type LabSession } from '../lab-session.js';
import type { Output } from '../output.js';
import type { Command, GlobalOptions } from '../parse-args.js';
import type { RoomSandbox } from '../run-settings.js';
import { SANDBOX_CREDENTIALS } from '../../sandbox/sandbox-types.js';
import { isLoopbackUrl } from '../loopback-host.js';
import { orUsageError, UsageError } from '../usage-error.js';

type ClassCommand = Extract<Command, { name: 'class' }>;

export const DEFAULT_CLASS_STREAM = CLASS_STREAM_BASE;

/** Flags of `class create`, checked before a session opens or anything is created. */
export function classCreateOptions(cmd: ClassCommand, target: 'sandbox' | 'aws'): { stream: string; audience: ClassAudience } {
  const stream = orUsageError(validateStreamName(cmd.classStream ?? DEFAULT_CLASS_STREAM), '--class-stream');
  // A room sandbox's accounts are made as learners join: the policy lets every one of them post.
  if (target === 'sandbox') return { stream, audience: { kind: 'room' } };
  return { stream, audience: orUsageError(parseAudience(cmd.accounts, cmd.org)) };
}

/**
 * The sandbox `class create` talks to, when its endpoint is a kinesis-lab sandbox (its class registry
 * answers), on loopback or in the room. The class stream lives in the account of the sandbox's default
 * key, whatever key the shell holds: learners sign with keys of their own, and `class board` and
 * `class delete` find it there.
 */
export async function classCreateRoom(global: GlobalOptions, env: NodeJS.ProcessEnv): Promise<RoomSandbox | undefined> {
  const endpoint = global.endpointUrl ?? env.AWS_ENDPOINT_URL_KINESIS ?? env.AWS_ENDPOINT_URL;
  if (global.sandbox || endpoint === undefined || !(await isKinesisLabSandbox(endpoint, registryOptions(env)))) return undefined;
  return { endpoint, credentials: { ...SANDBOX_CREDENTIALS } };
}

/**
 * `kinesis-lab class create`: the class progress stream with its resource policy, its short code, and
 * the join command to show the room. Run again, it reuses the stream it made and prints the same code.
 */
export async function classCreateCommand(session: LabSession, cmd: ClassCommand, env: NodeJS.ProcessEnv, output: Output): Promise<number> {
  const { settings } = session;
  const t = classroomMessages(settings.lang);
  const { stream, audience } = classCreateOptions(cmd, settings.target);
  const client = createKinesisClient(awsSettingsFor(settings));
  let created;
  try {
    created = await createClassStream(client, stream, { sleep: sleepFor, policy: (arn: string) => classStreamPolicy(arn, audience) });
  } catch (error) {
    if (error instanceof ClassStreamTakenError) {
      output.err(t.classTaken(stream));
      return 1;
    }
    throw error;
  } finally {
    client.destroy();
  }
  output.out(created.created ? t.classCreated(stream, settings.region) : t.classReused(stream, settings.region));
  const join = settings.target === 'sandbox' && settings.endpoint ? await roomJoin(settings.endpoint, created.arn, output, t) : awsJoin(stream, settings.region, created.arn, output, t);
  if (audience.kind === 'accounts') output.out(t.classPolicy(t.classPolicyAccounts(audience.accounts.join(', '))));
  if (audience.kind === 'organization') output.out(t.classPolicy(t.classPolicyOrg(audience.orgId)));
  await rememberClass(configDir(env), join.remember);

  output.out('');
  output.out(t.classJoinHeader);
  output.out(`  npx kinesis-lab --class ${join.code} --name "<${settings.lang === 'ko' ? '이름' : 'your name'}>"`);
  output.out('');
  output.out(t.classBoardHeader);
  output.out(`  ${commandLine(`class board ${join.code}`)}`);
  output.out('');
  output.out(t.classDeleteHint);
  return 0;
}

/**
 * A class on a room sandbox: registered there for its short code, shown with the address the room
 * reaches the sandbox at (`192.168.1.20:4567/K7QM-R3XP`, no scheme, so the join line fits 80 columns).
 */
async function roomJoin(endpoint: string, arn: string, output: Output, t: ClassroomMessages): Promise<{ code: string; remember: string }> {
  const registered = await registerClass(endpoint, arn);
  const code = formatCode(registered.code);
  output.out(t.classRoomPolicy);
  output.out(t.classRoomAccounts);
  const rooms = isLoopbackUrl(endpoint) ? (registered.addresses ?? []) : [endpoint];
  if (rooms.length === 0) output.err(t.classRoomUnreachable(endpoint));
  else if (rooms.length > 1) {
    output.out(t.sandboxRoomUrls);
    for (const room of rooms) output.out(`  ${room}`);
  }
  const address = (rooms[0] ?? endpoint).replace(/^http:\/\//, '').replace(/\/+$/, '');
  // The instructor's own commands keep the address they used (loopback survives a new LAN address).
  return { code: `${address}/${code}`, remember: `${endpoint.replace(/\/+$/, '')}/${code}` };
}

/** A class on AWS: the 12-character code when the stream's name and region have one, else the long one. */
function awsJoin(stream: string, region: string, arn: string, output: Output, t: ClassroomMessages): { code: string; remember: string } {
  const account = arn.split(':')[4] ?? '';
  const short = encodeAwsClass({ account, region, stream });
  if (!short) output.out(t.classLongCode(stream));
  const code = short ? formatCode(short) : encodeLongCode({ stream, region, arn });
  return { code, remember: code };
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
  const client = classKinesisClient(location, instructor(cmd, env), env, signal);
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

/** Who reads or deletes the class stream: the instructor's profile on AWS; on a sandbox its default key. */
function instructor(cmd: ClassCommand, env: NodeJS.ProcessEnv): { profile?: string } {
  const profile = cmd.global.profile ?? env.AWS_PROFILE;
  return profile ? { profile } : {};
}

/** The class named on the command line, else the last one created on this machine. */
async function classLocation(cmd: ClassCommand, env: NodeJS.ProcessEnv): Promise<ClassLocation> {
  const code = cmd.code ?? (await lastClass(configDir(env)));
  if (code === undefined) throw new UsageError(classroomText((t) => t.classNeedsCode(cmd.action)));
  const target = readClassCode(code);
  return target.kind === 'located' ? target.location : locateRoomClass(target, cmd.global, env, { endedIsError: false });
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
  const client = classKinesisClient(location, instructor(cmd, env), env, signal);
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

/** `<config>/class/instructor.json`: the last class this machine created (`{"code":"http://127.0.0.1:4567/K7QM-R3XP"}`), so `class board` needs no code. */
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
