import type { Localized } from '../i18n/lang.js';
import { named, type CatalogEntry } from './catalog-entry.js';
import { regionPhrase } from './diagnosis-phrases.js';
import { streamFromMessage } from './resource-not-found.js';
import { onSurface } from '../i18n/surface.js';

/** A stream changing state (create, reshard, delete) usually settles within a minute; poll every few seconds. */
const STREAM_BUSY_RETRY_MS = 5000;
/** Pipes take "a minute or two" to create; polling faster only adds calls. */
const PIPE_BUSY_RETRY_MS = 10_000;

/** "Stream X under account N already exists." */
const streamAlreadyExists: CatalogEntry = {
  kind: 'stream-already-exists',
  matches: (input) => named(input, 'ResourceInUseException') && /already exists/i.test(input.error.message),
  diagnose: ({ error, ctx }) => {
    const stream = streamFromMessage(error.message) ?? ctx.stream;
    const where = regionPhrase(ctx);
    return {
      kind: 'stream-already-exists',
      what: { en: `A stream named "${stream}" already exists in ${where.en}.`, ko: `${where.ko}에 "${stream}" 스트림이 이미 있습니다.` },
      why: {
        en: `Stream names are unique per account and region, so CreateStream refuses a name that is taken.`,
        ko: `스트림 이름은 계정과 리전마다 하나만 쓸 수 있어서, 이미 있는 이름으로는 CreateStream이 실패합니다.`,
      },
      fix: {
        en: `Nothing to create: the lab can use the existing stream, and step 1's check looks at it. If it has the wrong settings or is not yours, use another name (--stream NAME) or delete it first: aws kinesis delete-stream --stream-name ${stream} --region ${ctx.region}`,
        ko: `새로 만들 필요가 없습니다. 실습은 기존 스트림을 그대로 쓰고, 1단계 확인도 그 스트림을 봅니다. 설정이 다르거나 다른 사람의 스트림이라면 다른 이름을 쓰거나(--stream 이름) 먼저 삭제하세요: aws kinesis delete-stream --stream-name ${stream} --region ${ctx.region}`,
      },
    };
  },
};

/** Why a stream in each state cannot take the call, and what waiting will bring. */
const STATE_EXPLAINED: Record<string, Localized> = {
  CREATING: {
    en: 'It is still being created; a new stream usually becomes ACTIVE within a minute.',
    ko: '아직 만들어지는 중입니다. 새 스트림은 보통 1분 안에 ACTIVE가 됩니다.',
  },
  UPDATING: {
    en: 'It is being updated (shard count, mode or encryption); writes keep working, but another change must wait until it is ACTIVE again.',
    ko: '샤드 수, 모드, 암호화 같은 설정이 바뀌는 중입니다. 쓰기는 계속되지만 다른 변경은 다시 ACTIVE가 될 때까지 기다려야 합니다.',
  },
  DELETING: {
    en: 'It is being deleted; once it is gone, the name can be used again.',
    ko: '삭제되는 중입니다. 삭제가 끝나면 같은 이름을 다시 쓸 수 있습니다.',
  },
};

/** "Stream X under account N not ACTIVE or UPDATING, instead in state CREATING" and friends. */
const streamBusy: CatalogEntry = {
  kind: 'stream-busy',
  matches: (input) => named(input, 'ResourceInUseException'),
  diagnose: async ({ error, ctx, probes }) => {
    const stream = streamFromMessage(error.message) ?? ctx.stream;
    const state = /in state ([A-Z_]+)/.exec(error.message)?.[1] ?? (await statusFromProbe(probes?.streamStatus?.bind(probes), stream));
    const explained = state === undefined ? undefined : STATE_EXPLAINED[state];
    return {
      kind: 'stream-busy',
      what:
        state === undefined
          ? { en: `Stream "${stream}" is busy with another change.`, ko: `"${stream}" 스트림이 다른 변경을 처리하는 중입니다.` }
          : { en: `Stream "${stream}" is ${state}, not ACTIVE.`, ko: `"${stream}" 스트림의 상태가 ACTIVE가 아니라 ${state}입니다.` },
      why: explained ?? {
        en: `A stream takes one change at a time and only some calls while it is not ACTIVE. AWS said: ${error.message}`,
        ko: `스트림은 한 번에 한 가지 변경만 처리하고, ACTIVE가 아닐 때는 일부 호출만 받습니다. AWS 메시지: ${error.message}`,
      },
      fix: onSurface(ctx.surface, {
        tui: {
          en: `Wait and retry (press the key below; the lab checks again every ${STREAM_BUSY_RETRY_MS / 1000} seconds). To watch it yourself: aws kinesis describe-stream-summary --stream-name ${stream} --region ${ctx.region}`,
          ko: `기다렸다가 다시 시도하세요(아래 키를 누르면 ${STREAM_BUSY_RETRY_MS / 1000}초마다 다시 확인합니다). 직접 보려면: aws kinesis describe-stream-summary --stream-name ${stream} --region ${ctx.region}`,
        },
        cli: {
          en: `Wait until it is ACTIVE, then run the same command again. To watch it: aws kinesis describe-stream-summary --stream-name ${stream} --region ${ctx.region}`,
          ko: `ACTIVE가 될 때까지 기다린 뒤 같은 명령을 다시 실행하세요. 상태를 보려면: aws kinesis describe-stream-summary --stream-name ${stream} --region ${ctx.region}`,
        },
      }),
      autoFix: { type: 'wait-and-retry', delayMs: STREAM_BUSY_RETRY_MS },
    };
  },
};

async function statusFromProbe(lookup: ((name: string) => Promise<string | undefined>) | undefined, stream: string): Promise<string | undefined> {
  if (!lookup) return undefined;
  try {
    return await lookup(stream);
  } catch {
    return undefined;
  }
}

/** EventBridge Pipes' ConflictException (409): the pipe is being created, updated or deleted, or the name is taken. */
const pipeConflict: CatalogEntry = {
  kind: 'pipe-busy',
  matches: (input) => named(input, 'ConflictException'),
  diagnose: ({ error, ctx }) => ({
    kind: 'pipe-busy',
    what: { en: `The pipe is in the middle of another change.`, ko: `파이프가 다른 변경을 처리하는 중입니다.` },
    why: {
      en: `A pipe takes one change at a time, and creating one with a Kinesis source typically takes a minute or two. AWS said: ${error.message}`,
      ko: `파이프는 한 번에 한 가지 변경만 처리하며, Kinesis 소스 파이프를 만드는 데는 보통 1~2분이 걸립니다. AWS 메시지: ${error.message}`,
    },
    fix: onSurface(ctx.surface, {
      tui: {
        en: `Wait and retry (press the key below). To see its state: aws pipes list-pipes --region ${ctx.region}`,
        ko: `기다렸다가 다시 시도하세요(아래 키). 상태를 보려면: aws pipes list-pipes --region ${ctx.region}`,
      },
      cli: {
        en: `Wait a minute and run the same command again. To see its state: aws pipes list-pipes --region ${ctx.region}`,
        ko: `1분쯤 기다린 뒤 같은 명령을 다시 실행하세요. 상태를 보려면: aws pipes list-pipes --region ${ctx.region}`,
      },
    }),
    autoFix: { type: 'wait-and-retry', delayMs: PIPE_BUSY_RETRY_MS },
  }),
};

export const RESOURCE_IN_USE_ENTRIES: readonly CatalogEntry[] = [streamAlreadyExists, streamBusy, pipeConflict];
