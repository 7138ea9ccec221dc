import type { Localized } from '../i18n/lang.js';
import { named, type CatalogEntry, type DiagnoseInput, type StreamProbes } from './catalog-entry.js';
import { joinLocalized, regionPhrase } from './diagnosis-phrases.js';
import { lookInOtherAccounts, otherAccountLine, type SandboxResourceKind } from './other-accounts.js';
import { similarNames } from './similar-names.js';
import { onSurface } from '../i18n/surface.js';
import { labCommand, type Diagnosis, type DiagnosisContext } from './diagnosis.js';

/** AWS: "Stream X under account N not found." (kinesalite says the same). Some calls name the stream by ARN. */
const STREAM_IN_MESSAGE = /Stream (?:arn:[^\s]*:stream\/)?([a-zA-Z0-9_.-]+) under account/;

/** The stream the failed call named: from the message when it says, else the one the lab uses. */
export function streamFromMessage(message: string): string | undefined {
  return STREAM_IN_MESSAGE.exec(message)?.[1];
}

/** Pause before retrying a stream that exists after all (created a moment ago). */
const JUST_CREATED_RETRY_MS = 2000;

/**
 * The workshop's most common failure: the stream exists, but in another region or under a
 * slightly different name (`input_stream`, `Input-Stream`) than the script uses.
 */
const streamNotFound: CatalogEntry = {
  kind: 'stream-not-found',
  matches: (input) => named(input, 'ResourceNotFoundException') && !isPipesCall(input),
  diagnose: async (input) => {
    const { ctx, probes } = input;
    const stream = streamFromMessage(input.error.message) ?? ctx.stream;
    const search = await searchForStream(stream, probes);
    const where = regionPhrase(ctx);
    const what: Localized = { en: `There is no stream named "${stream}" in ${where.en}.`, ko: `${where.ko}에 "${stream}" 스트림이 없습니다.` };
    const base = { kind: 'stream-not-found', what };

    if (search.existsHere) {
      return {
        ...base,
        why: {
          en: `The stream is there now: it was probably still being created when the call was made.`,
          ko: `지금은 스트림이 있습니다. 호출한 시점에는 아직 만들어지는 중이었던 것 같습니다.`,
        },
        fix: onSurface(ctx.surface, {
          tui: { en: `Retry in a moment (press the key below).`, ko: `잠시 뒤에 다시 시도하세요(아래 키를 누르세요).` },
          cli: { en: 'Run the same command again in a moment.', ko: '잠시 뒤에 같은 명령을 다시 실행하세요.' },
        }),
        autoFix: { type: 'wait-and-retry', delayMs: JUST_CREATED_RETRY_MS },
      };
    }
    const [otherRegion] = search.otherRegions;
    const [similar] = search.similarHere;
    const similarNote: Localized | undefined = similar
      ? { en: `This region also has a stream with a similar name: "${similar}".`, ko: `이 리전에는 이름이 비슷한 "${similar}" 스트림도 있습니다.` }
      : undefined;
    if (otherRegion !== undefined) {
      const regions = search.otherRegions.join(', ');
      return {
        ...base,
        why: joinLocalized(
          {
            en: `A stream with exactly this name exists in ${regions}. It was probably created in another region: the console's region menu and your terminal's region are set separately.`,
            ko: `똑같은 이름의 스트림이 ${regions} 리전에 있습니다. 스트림을 다른 리전에서 만든 것 같습니다. 콘솔의 리전 메뉴와 터미널의 리전 설정은 따로 정해집니다.`,
          },
          similarNote,
        ),
        fix: onSurface(ctx.surface, {
          tui: {
            en: `Switch the lab to ${otherRegion} (press the key below), run with --region ${otherRegion}, or in this terminal run: export AWS_REGION=${otherRegion}. To stay in ${ctx.region}, create the stream there instead.`,
            ko: `아래 키를 눌러 실습 리전을 ${otherRegion} 리전으로 바꾸거나, --region ${otherRegion} 옵션으로 실행하거나, 이 터미널에서 export AWS_REGION=${otherRegion} 명령을 실행하세요. ${ctx.region} 리전을 계속 쓰려면 그 리전에 스트림을 새로 만드세요.`,
          },
          cli: {
            en: `Run the lab in ${otherRegion} (${labCommand(ctx, '', { region: otherRegion })}), or in this terminal run: export AWS_REGION=${otherRegion}. To stay in ${ctx.region}, create the stream there instead.`,
            ko: `${otherRegion} 리전에서 실습을 실행하거나(${labCommand(ctx, '', { region: otherRegion })}), 이 터미널에서 export AWS_REGION=${otherRegion} 명령을 실행하세요. ${ctx.region} 리전을 계속 쓰려면 그 리전에 스트림을 새로 만드세요.`,
          },
        }),
        autoFix: { type: 'switch-region', region: otherRegion },
      };
    }
    if (similar !== undefined) {
      const others = search.similarHere.map((name) => `"${name}"`).join(', ');
      return {
        ...base,
        why: {
          en: `${capitalize(where.en)} has a stream with a similar name: ${others}. Stream names must match exactly; case, "-", "_" and "." all count.`,
          ko: `${where.ko}에 이름이 비슷한 스트림이 있습니다: ${others}. 스트림 이름은 정확히 같아야 하며 대소문자와 -, _, . 도 모두 구별합니다.`,
        },
        fix: onSurface(ctx.surface, {
          tui: {
            en: `Use "${similar}" (press the key below, or run with --stream ${similar}), or correct the name in your own script. If you meant a new stream, create "${stream}".`,
            ko: `아래 키를 눌러 "${similar}" 스트림을 쓰거나(--stream ${similar} 옵션도 됩니다), 직접 작성한 스크립트의 스트림 이름을 고치세요. 새 스트림을 만들려던 것이라면 "${stream}" 스트림을 만드세요.`,
          },
          cli: {
            en: `Use "${similar}" (${labCommand(ctx, '', { stream: similar })}), or correct the name in your own script. If you meant a new stream, create "${stream}".`,
            ko: `"${similar}" 스트림을 쓰거나(${labCommand(ctx, '', { stream: similar })}), 직접 작성한 스크립트의 스트림 이름을 고치세요. 새 스트림을 만들려던 것이라면 "${stream}" 스트림을 만드세요.`,
          },
        }),
        autoFix: { type: 'switch-stream', stream: similar },
      };
    }
    return { ...base, ...((await inOtherAccount(input, 'stream', stream)) ?? nothingFound(input, stream, search.searched)) };
  },
};

/**
 * On a sandbox: the name is in another account of it (the learner's script signs with another key).
 * The fix is in the learner's terminal, so there is no one-key fix.
 */
async function inOtherAccount(input: DiagnoseInput, kind: SandboxResourceKind, name: string): Promise<Pick<Diagnosis, 'why' | 'fix'> | undefined> {
  const { ctx, probes } = input;
  if (!ctx.sandbox || !ctx.labKey) return undefined;
  const found = await lookInOtherAccounts(probes?.otherAccounts, kind, name);
  if (found.length === 0) return undefined;
  return { why: otherAccountWhy(ctx), fix: otherAccountLine(kind, name, found, ctx.labKey) };
}

function otherAccountWhy(ctx: DiagnosisContext): Localized {
  return {
    en: `On the sandbox every access key is an account of its own, as every learner has an account at a workshop; the lab signs with ${ctx.labKey?.accessKeyId ?? 'its key'}.`,
    ko: `샌드박스에서는 워크숍에서 학습자마다 계정이 있듯이 액세스 키마다 계정이 따로 있습니다. 실습은 ${ctx.labKey?.accessKeyId ?? '자기 키'}로 서명합니다.`,
  };
}

function nothingFound(input: DiagnoseInput, stream: string, searched: Searched): Pick<Diagnosis, 'why' | 'fix' | 'autoFix'> {
  const { ctx } = input;
  const createIt = createStreamHint(ctx, stream);
  const create: Localized = {
    en: `${createIt.en} By hand: aws kinesis create-stream --stream-name ${stream} --shard-count 1 --region ${ctx.region}`,
    ko: `${createIt.ko} 직접 만들려면: aws kinesis create-stream --stream-name ${stream} --shard-count 1 --region ${ctx.region}`,
  };
  if (ctx.sandbox) {
    return {
      why: {
        en: `The sandbox has no stream with this name or a similar one. A fresh sandbox starts empty.`,
        ko: `샌드박스에 이 이름이나 비슷한 이름의 스트림이 없습니다. 새로 시작한 샌드박스는 비어 있습니다.`,
      },
      fix: createIt,
      autoFix: { type: 'create-stream', stream },
    };
  }
  const why: Localized =
    searched === 'everywhere'
      ? {
          en: `No stream with this name or a similar one was found in ${ctx.region}, nor with this name in any other region. It has not been created yet, was deleted, or belongs to another AWS account.`,
          ko: `${ctx.region} 리전에서 이 이름이나 비슷한 이름의 스트림을 찾지 못했고, 다른 리전에도 같은 이름의 스트림이 없습니다. 아직 만들지 않았거나, 삭제되었거나, 다른 AWS 계정에 있는 스트림입니다.`,
        }
      : {
          en: `The lab could not search for it (listing streams failed too). The stream has not been created yet, was deleted, is in another region, or belongs to another AWS account.`,
          ko: `스트림 목록을 가져오지 못해 다른 곳을 찾아볼 수 없었습니다. 아직 만들지 않았거나, 삭제되었거나, 다른 리전이나 다른 AWS 계정에 있는 스트림입니다.`,
        };
  return { why, fix: create, autoFix: { type: 'create-stream', stream } };
}

/** Pipes calls return NotFoundException, but a Kinesis-source pipe can also surface Kinesis' name. */
function isPipesCall(input: DiagnoseInput): boolean {
  return input.ctx.operation?.endsWith('Pipe') === true || input.ctx.operation === 'ListPipes';
}

type Searched = 'everywhere' | 'not-searched';

interface StreamSearch {
  existsHere: boolean;
  otherRegions: string[];
  similarHere: string[];
  searched: Searched;
}

async function searchForStream(stream: string, probes: StreamProbes | undefined): Promise<StreamSearch> {
  if (!probes) return { existsHere: false, otherRegions: [], similarHere: [], searched: 'not-searched' };
  const [otherRegions, here] = await Promise.all([attempt(probes.findStreamInOtherRegions(stream)), attempt(probes.listStreamsHere())]);
  return {
    existsHere: here?.includes(stream) ?? false,
    otherRegions: otherRegions ?? [],
    similarHere: similarNames(stream, here ?? []),
    searched: otherRegions === undefined && here === undefined ? 'not-searched' : 'everywhere',
  };
}

/** A lookup that fails (no permission to list, network) counts as "found nothing", not as a second error. */
async function attempt<T>(lookup: Promise<T>): Promise<T | undefined> {
  try {
    return await lookup;
  } catch {
    return undefined;
  }
}

/** EventBridge Pipes: "NotFoundException" for a pipe that does not exist (DescribePipe, StartPipe …). */
const pipeNotFound: CatalogEntry = {
  kind: 'pipe-not-found',
  matches: (input) => named(input, 'NotFoundException') || (named(input, 'ResourceNotFoundException') && isPipesCall(input)),
  diagnose: async (input) => {
    const { ctx, error } = input;
    const where = regionPhrase(ctx);
    const name = /Pipe (\S+) does not exist/.exec(error.message)?.[1];
    const elsewhere = name === undefined ? undefined : await inOtherAccount(input, 'pipe', name);
    return {
      kind: 'pipe-not-found',
      what: { en: `The pipe was not found in ${where.en}.`, ko: `${where.ko}에서 파이프를 찾지 못했습니다.` },
      ...(elsewhere ?? {
        why: {
          en: `${error.message} It has not been created yet, was deleted, or was created in another region.`,
          ko: `${error.message} 아직 만들지 않았거나, 삭제되었거나, 다른 리전에서 만든 파이프입니다.`,
        },
        fix: {
          en: `Create it in step 5, or list your pipes to check the name and region: aws pipes list-pipes --region ${ctx.region}`,
          ko: `5단계에서 파이프를 만들거나, 파이프 목록에서 이름과 리전을 확인하세요: aws pipes list-pipes --region ${ctx.region}`,
        },
      }),
    };
  },
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const RESOURCE_NOT_FOUND_ENTRIES: readonly CatalogEntry[] = [pipeNotFound, streamNotFound];

/** "Create it": the fix key in the TUI (it creates the stream as step 1 does), step 1's solve command outside it. */
function createStreamHint(ctx: DiagnosisContext, stream: string): Localized {
  return onSurface(ctx.surface, {
    tui: { en: 'Create it (press the key below) or go back to step 1.', ko: '아래 키를 눌러 만들거나 1단계로 돌아가세요.' },
    cli: {
      en: `Create it as step 1 does (${labCommand(ctx, 'solve create-stream', { stream })}) or go back to step 1.`,
      ko: `1단계처럼 만들거나(${labCommand(ctx, 'solve create-stream', { stream })}) 1단계로 돌아가세요.`,
    },
  });
}
