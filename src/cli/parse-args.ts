import { parseArgs, type ParseArgsConfig } from 'node:util';
import { commandLine } from '../i18n/command-line.js';
import { isLang, type Lang, type Localized } from '../i18n/lang.js';
import type { LimitsSetting } from '../sandbox/kinesis/limits/kinesis-limits.js';
import { UsageError } from './usage-error.js';

export const STEP_IDS = ['create-stream', 'put-record', 'put-records', 'metrics', 'pipe'] as const;

/** Options every command accepts: where to run and in which language. */
export interface GlobalOptions {
  sandbox: boolean;
  region?: string;
  profile?: string;
  endpointUrl?: string;
  stream?: string;
  lang?: Lang;
  plain: boolean;
  /** `--on-demand`: step 1 creates an on-demand stream instead of a provisioned one. */
  onDemand?: boolean;
  /** `--shards N` as typed: step 1's shard count for a provisioned stream. */
  shards?: string;
  /** `--class CODE`: report step changes to a class board (see src/classroom/join-code.ts). */
  classCode?: string;
  /** `--name`: the display name the instructor sees on the class board. */
  displayName?: string;
  /** `--metrics-delay` as typed: the embedded (`--sandbox`) or standalone sandbox's CloudWatch delay. */
  metricsDelay?: string;
  /** `--faults` as typed: faults the embedded (`--sandbox`) or standalone sandbox injects (src/sandbox/faults/fault-spec.ts). */
  faults?: string;
  /** `--limits off`: the embedded or standalone sandbox without AWS's throughput and call-rate limits (a demo). */
  limits?: LimitsSetting;
}

export type Command =
  | { name: 'help'; topic?: string }
  | { name: 'version' }
  | { name: 'doctor'; global: GlobalOptions; json: boolean }
  | { name: 'lab'; global: GlobalOptions; step?: string }
  | { name: 'check'; global: GlobalOptions; steps: string[]; json: boolean }
  | { name: 'solve'; global: GlobalOptions; steps: string[]; json: boolean }
  | { name: 'produce'; global: GlobalOptions; json: boolean; api: 'put-record' | 'put-records'; count?: string; duration?: string; rate?: string; batchSize?: string }
  | { name: 'sandbox'; global: GlobalOptions; port?: string; host?: string; metricsDelay?: string; dataDir?: string; ephemeral: boolean }
  | { name: 'reset'; global: GlobalOptions; step?: string; yes: boolean }
  | { name: 'report'; global: GlobalOptions; json: boolean }
  | { name: 'cleanup'; global: GlobalOptions; dryRun: boolean; yes: boolean }
  | { name: 'class'; global: GlobalOptions; action: 'create' | 'board' | 'delete'; code?: string; classStream?: string; accounts?: string; org?: string; once: boolean; yes: boolean };

export const COMMANDS = ['check', 'solve', 'produce', 'sandbox', 'doctor', 'reset', 'report', 'cleanup', 'class', 'help'] as const;

const globalOptions = {
  sandbox: { type: 'boolean' },
  region: { type: 'string' },
  profile: { type: 'string' },
  'endpoint-url': { type: 'string' },
  stream: { type: 'string' },
  lang: { type: 'string' },
  plain: { type: 'boolean' },
  'on-demand': { type: 'boolean' },
  shards: { type: 'string' },
  'metrics-delay': { type: 'string' },
  faults: { type: 'string' },
  limits: { type: 'string' },
  class: { type: 'string' },
  name: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies ParseArgsConfig['options'];

const commandOptions = {
  lab: { step: { type: 'string' } },
  check: { json: { type: 'boolean' } },
  solve: { json: { type: 'boolean' } },
  produce: {
    json: { type: 'boolean' },
    api: { type: 'string' },
    count: { type: 'string' },
    duration: { type: 'string' },
    rate: { type: 'string' },
    'batch-size': { type: 'string' },
  },
  sandbox: {
    port: { type: 'string' },
    host: { type: 'string' },
    'metrics-delay': { type: 'string' },
    'data-dir': { type: 'string' },
    ephemeral: { type: 'boolean' },
  },
  reset: { yes: { type: 'boolean', short: 'y' } },
  report: { json: { type: 'boolean' } },
  cleanup: { 'dry-run': { type: 'boolean' }, yes: { type: 'boolean', short: 'y' } },
  class: { 'class-stream': { type: 'string' }, accounts: { type: 'string' }, org: { type: 'string' }, once: { type: 'boolean' }, yes: { type: 'boolean', short: 'y' } },
  doctor: { json: { type: 'boolean' } },
  help: {},
} as const satisfies Record<string, ParseArgsConfig['options']>;

/**
 * The `--lang` on a command line, wherever it stands and whatever else is wrong with the line, so a
 * usage error is written in the language asked for. The last one wins, as in parsing.
 */
export function langFromArgv(argv: readonly string[]): Lang | undefined {
  let lang: Lang | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined && isLang(value)) lang = value;
  }
  return lang;
}

/** Turns argv (without node and script) into a command, or throws UsageError with one clear line. */
export function parseCommand(argv: string[]): Command {
  const first = argv[0];
  const isCommand = first !== undefined && (COMMANDS as readonly string[]).includes(first);
  if (first !== undefined && !first.startsWith('-') && !isCommand) {
    throw new UsageError({
      en: `unknown command "${first}" (commands: ${COMMANDS.join(', ')}; run ${commandLine('--help')})`,
      ko: `알 수 없는 명령 "${first}" (명령: ${COMMANDS.join(', ')}; ${commandLine('--help')} 참고)`,
    });
  }
  const name = (isCommand ? first : 'lab') as keyof typeof commandOptions;
  const rest = isCommand ? argv.slice(1) : argv;
  const options = { ...globalOptions, ...commandOptions[name] };
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (error) {
    throw new UsageError(cleanParseError((error as Error).message, name));
  }
  const v = parsed.values;
  if (v.version) return { name: 'version' };
  if (v.help || name === 'help') return { name: 'help', topic: name === 'help' ? parsed.positionals[0] : name };

  const global = toGlobal(v);
  switch (name) {
    case 'lab': {
      noPositionals(parsed.positionals, 'kinesis-lab');
      const step = str(v.step);
      if (step !== undefined) stepId(step);
      return { name: 'lab', global, step };
    }
    case 'check':
    case 'solve': {
      const steps = parsed.positionals.map(stepId);
      if (name === 'solve' && steps.length === 0) throw new UsageError({ en: `solve needs at least one step id (${STEP_IDS.join(', ')})`, ko: `solve에는 단계 ID가 하나 이상 필요합니다 (${STEP_IDS.join(', ')})` });
      return { name, global, steps, json: v.json === true };
    }
    case 'produce': {
      noPositionals(parsed.positionals, 'produce');
      const api = str(v.api) ?? 'put-record';
      if (api !== 'put-record' && api !== 'put-records') throw new UsageError({ en: `--api must be put-record or put-records, not "${api}"`, ko: `--api는 put-record 또는 put-records여야 합니다("${api}"는 안 됩니다)` });
      if (v.count !== undefined && v.duration !== undefined) throw new UsageError({ en: 'use either --count or --duration, not both', ko: '--count와 --duration 중 하나만 쓰세요' });
      return { name, global, json: v.json === true, api, count: str(v.count), duration: str(v.duration), rate: str(v.rate), batchSize: str(v['batch-size']) };
    }
    case 'doctor':
      noPositionals(parsed.positionals, 'doctor');
      return { name, global, json: v.json === true };
    case 'sandbox':
      noPositionals(parsed.positionals, 'sandbox');
      return { name, global, port: str(v.port), host: str(v.host), metricsDelay: str(v['metrics-delay']), dataDir: str(v['data-dir']), ephemeral: v.ephemeral === true };
    case 'reset': {
      if (parsed.positionals.length > 1) throw new UsageError({ en: `reset takes at most one step id, not "${parsed.positionals[1]}"`, ko: `reset에는 단계 ID를 하나까지만 줄 수 있습니다("${parsed.positionals[1]}"는 안 됩니다)` });
      const step = parsed.positionals[0];
      return { name, global, step: step === undefined ? undefined : stepId(step), yes: v.yes === true };
    }
    case 'report':
      noPositionals(parsed.positionals, 'report');
      return { name, global, json: v.json === true };
    case 'cleanup':
      noPositionals(parsed.positionals, 'cleanup');
      return { name, global, dryRun: v['dry-run'] === true, yes: v.yes === true };
    case 'class': {
      const [action, code, extra] = parsed.positionals;
      if (action !== 'create' && action !== 'board' && action !== 'delete') {
        throw new UsageError({
          en: `class needs create, board or delete${action ? `, not "${action}"` : ''} (run ${commandLine('class --help')})`,
          ko: `class 뒤에는 create, board, delete 중 하나가 와야 합니다${action ? `("${action}"는 안 됩니다)` : ''} (${commandLine('class --help')} 참고)`,
        });
      }
      if (extra !== undefined || (action === 'create' && code !== undefined)) {
        throw new UsageError({ en: `unexpected argument "${extra ?? code}" for class ${action} (run ${commandLine('class --help')})`, ko: `class ${action}에 필요 없는 인수 "${extra ?? code}" (${commandLine('class --help')} 참고)` });
      }
      return { name, global, action, code: code ?? global.classCode, classStream: nonEmpty(v['class-stream'], '--class-stream'), accounts: nonEmpty(v.accounts, '--accounts'), org: nonEmpty(v.org, '--org'), once: v.once === true, yes: v.yes === true };
    }
  }
}

function toGlobal(v: Record<string, string | boolean | undefined>): GlobalOptions {
  const lang = str(v.lang);
  if (lang !== undefined && !isLang(lang)) throw new UsageError({ en: `--lang must be ko or en, not "${lang}"`, ko: `--lang은 ko 또는 en이어야 합니다("${lang}"는 안 됩니다)` });
  const limits = str(v.limits);
  if (limits !== undefined && limits !== 'off' && limits !== 'aws') {
    throw new UsageError({ en: `--limits must be off (no AWS limits, for a demo) or aws (the default), not "${limits}"`, ko: `--limits는 off(AWS 한도 없이, 시연용) 또는 aws(기본값)여야 합니다("${limits}"는 안 됩니다)` });
  }
  return {
    sandbox: v.sandbox === true,
    region: nonEmpty(v.region, '--region'),
    profile: nonEmpty(v.profile, '--profile'),
    endpointUrl: nonEmpty(v['endpoint-url'], '--endpoint-url'),
    stream: nonEmpty(v.stream, '--stream'),
    lang,
    plain: v.plain === true,
    onDemand: v['on-demand'] === true || undefined,
    shards: nonEmpty(v.shards, '--shards'),
    classCode: nonEmpty(v.class, '--class'),
    displayName: str(v.name),
    metricsDelay: nonEmpty(v['metrics-delay'], '--metrics-delay'),
    faults: nonEmpty(v.faults, '--faults'),
    ...(limits !== undefined ? { limits } : {}),
  };
}

function stepId(value: string): string {
  if (!(STEP_IDS as readonly string[]).includes(value)) throw new UsageError({ en: `unknown step "${value}" (steps: ${STEP_IDS.join(', ')})`, ko: `알 수 없는 단계 "${value}" (단계: ${STEP_IDS.join(', ')})` });
  return value;
}

function str(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function nonEmpty(value: string | boolean | undefined, flag: string): string | undefined {
  const s = str(value);
  if (s?.trim() === '') throw new UsageError({ en: `${flag} needs a value`, ko: `${flag}에 값이 필요합니다` });
  return s;
}

function noPositionals(positionals: string[], where: string): void {
  if (positionals.length > 0) throw new UsageError({ en: `unexpected argument "${positionals[0]}" for ${where} (run ${commandLine('--help')})`, ko: `${where}에 필요 없는 인수 "${positionals[0]}" (${commandLine('--help')} 참고)` });
}

/** node:util's messages mention internals ("To specify a positional argument …"); keep the first sentence. */
function cleanParseError(message: string, command: string): Localized {
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) {
    const where = command === 'lab' ? 'kinesis-lab' : command;
    const help = commandLine(command === 'lab' ? '--help' : `${command} --help`);
    return { en: `unknown option ${unknown[1]} for ${where} (run ${help})`, ko: `${where}에 없는 옵션 ${unknown[1]} (${help} 참고)` };
  }
  const missing = /Option '([^']+)' argument missing/.exec(message);
  // `--count -5`: node:util takes -5 for an option; say how to pass such a value instead.
  const ambiguous = /Option '([^']+)' argument is ambiguous/.exec(message);
  if (ambiguous) {
    const flag = ambiguous[1]?.split(' ')[0] ?? 'option';
    return { en: `${flag} got a value starting with "-"; write it as ${flag}=VALUE`, ko: `${flag}의 값이 "-"로 시작합니다. ${flag}=값 형태로 쓰세요` };
  }
  if (missing) {
    const flag = missing[1]?.split(' ')[0] ?? 'option';
    return { en: `${flag} needs a value`, ko: `${flag}에 값이 필요합니다` };
  }
  // `--plain=yes`: a switch given a value.
  const noValue = /Option '([^' ]+)[^']*' does not take an argument/.exec(message);
  if (noValue) return { en: `${noValue[1]} is a switch and takes no value (write ${noValue[1]} alone)`, ko: `${noValue[1]} 스위치는 값을 받지 않습니다(${noValue[1]}만 쓰세요)` };
  const first = message.split('\n')[0] ?? message;
  return { en: first, ko: `명령줄을 읽을 수 없습니다: ${first}` };
}
