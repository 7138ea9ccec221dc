import type { Localized } from '../i18n/lang.js';
import type { CatalogEntry, DiagnoseInput } from './catalog-entry.js';
import { jsonBlock, joinLocalized } from './diagnosis-phrases.js';
import { parseAccessDenied } from './access-denied.js';
import { onSurface } from '../i18n/surface.js';
import { labCommand } from './diagnosis.js';

/**
 * A pipe that ended in a state that is not RUNNING/STOPPED. The pipe check throws or passes this
 * to `diagnose` with DescribePipe's `CurrentState` and `StateReason`, since a failed pipe is not an
 * API error.
 */
export class PipeStateFailure extends Error {
  override readonly name = 'PipeStateFailure';
  constructor(
    readonly pipeName: string,
    readonly state: string,
    readonly stateReason: string,
  ) {
    super(`Pipe ${pipeName} is ${state}${stateReason ? `: ${stateReason}` : ''}`);
  }
}

/** States a pipe passes through on its own; the answer is to wait. */
const TRANSITIONAL = new Set(['CREATING', 'UPDATING', 'STARTING', 'STOPPING', 'DELETING']);
/** "Creating a pipe with a Kinesis source can typically take a minute or two." */
const PIPE_SETTLE_RETRY_MS = 15_000;

/** What a Kinesis-source pipe's execution role needs on the stream. */
export const KINESIS_SOURCE_ACTIONS = [
  'kinesis:DescribeStream',
  'kinesis:DescribeStreamSummary',
  'kinesis:GetRecords',
  'kinesis:GetShardIterator',
  'kinesis:ListShards',
  'kinesis:ListStreams',
  'kinesis:SubscribeToShard',
] as const;

function failure(input: DiagnoseInput): PipeStateFailure | undefined {
  return input.raw instanceof PipeStateFailure ? input.raw : undefined;
}

function failedWith(input: DiagnoseInput, reason: RegExp): boolean {
  const pipe = failure(input);
  return pipe !== undefined && !TRANSITIONAL.has(pipe.state) && reason.test(pipe.stateReason);
}

function failedWhat(pipe: PipeStateFailure): Localized {
  return { en: `Pipe "${pipe.pipeName}" is ${pipe.state}.`, ko: `"${pipe.pipeName}" 파이프의 상태가 ${pipe.state}입니다.` };
}

function reasonSaid(pipe: PipeStateFailure): Localized {
  return { en: `StateReason: ${pipe.stateReason || '(empty)'}`, ko: `StateReason: ${pipe.stateReason || '(비어 있음)'}` };
}

const retryAfterFix: Localized = {
  en: 'Then update or recreate the pipe (step 5).',
  ko: '그런 다음 파이프를 수정하거나 다시 만드세요(5단계).',
};

/** CREATING/UPDATING/STARTING…: not a failure yet. */
const pipeSettling: CatalogEntry = {
  kind: 'pipe-settling',
  matches: (input) => {
    const pipe = failure(input);
    return pipe !== undefined && TRANSITIONAL.has(pipe.state);
  },
  diagnose: (input) => {
    const pipe = failure(input)!;
    return {
      kind: 'pipe-settling',
      what: { en: `Pipe "${pipe.pipeName}" is still ${pipe.state}.`, ko: `"${pipe.pipeName}" 파이프가 아직 ${pipe.state} 상태입니다.` },
      why: {
        en: 'A pipe with a Kinesis source typically takes a minute or two to create or start.',
        ko: 'Kinesis 소스 파이프는 만들거나 시작하는 데 보통 1~2분이 걸립니다.',
      },
      fix: onSurface(input.ctx.surface, {
        tui: { en: 'Wait and check again (press the key below).', ko: '기다렸다가 다시 확인하세요(아래 키).' },
        cli: { en: `Wait a minute, then check again: ${labCommand(input.ctx, 'check pipe')}`, ko: `1분쯤 기다린 뒤 다시 확인하세요: ${labCommand(input.ctx, 'check pipe')}` },
      }),
      autoFix: { type: 'wait-and-retry', delayMs: PIPE_SETTLE_RETRY_MS },
    };
  },
};

/** The role cannot be assumed by pipes.amazonaws.com: its trust policy is missing or wrong. */
const pipeRoleTrust: CatalogEntry = {
  kind: 'pipe-role-trust',
  // Not a bare /assume/: an `assumed-role/…` ARN appears in permission messages too.
  matches: (input) => failedWith(input, /(?:unable to|cannot|could not|permissions? to) assume|sts:AssumeRole|trust (?:policy|relationship)/i),
  diagnose: (input) => {
    const pipe = failure(input)!;
    const trust = jsonBlock({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'pipes.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    return {
      kind: 'pipe-role-trust',
      what: failedWhat(pipe),
      why: joinLocalized(
        {
          en: "EventBridge Pipes could not assume the pipe's execution role: the role's trust policy does not name pipes.amazonaws.com.",
          ko: 'EventBridge Pipes가 파이프 실행 역할을 맡을 수(assume) 없습니다. 역할의 신뢰 정책에 pipes.amazonaws.com이 없습니다.',
        },
        reasonSaid(pipe),
      ),
      fix: joinLocalized(
        {
          en: `Set the role's trust policy (IAM console → Roles → the role → Trust relationships → Edit) to:\n${trust}\n`,
          ko: `역할의 신뢰 정책(IAM 콘솔 → 역할 → 해당 역할 → 신뢰 관계 → 편집)을 다음과 같이 바꾸세요:\n${trust}\n`,
        },
        retryAfterFix,
      ),
    };
  },
};

/** "The provided customer role does not have permissions to call …", "Cannot access stream arn:…", "not authorized to perform: …". */
const pipeMissingPermission: CatalogEntry = {
  kind: 'pipe-missing-permission',
  matches: (input) => failedWith(input, /permission|not authorized|Cannot access stream|access denied/i),
  diagnose: (input) => {
    const pipe = failure(input)!;
    const denied = parseAccessDenied(pipe.stateReason);
    const streamArn = /(arn:aws[\w-]*:kinesis:[^\s,;.]+(?:\.[^\s,;.]+)*)/.exec(pipe.stateReason)?.[1];
    const statement = denied
      ? { Effect: 'Allow', Action: denied.action, Resource: denied.resource ?? '*' }
      : { Effect: 'Allow', Action: [...KINESIS_SOURCE_ACTIONS], Resource: streamArn ?? 'arn:aws:kinesis:REGION:ACCOUNT:stream/STREAM' };
    return {
      kind: 'pipe-missing-permission',
      what: failedWhat(pipe),
      why: joinLocalized(
        {
          en: "The pipe's execution role lacks a permission it needs on the source or target. A Kinesis source needs the kinesis:Describe*/Get*/List* read actions; a Kinesis target needs kinesis:PutRecord and PutRecords.",
          ko: '파이프 실행 역할에 소스나 대상에 필요한 권한이 없습니다. Kinesis 소스에는 kinesis:Describe*/Get*/List* 읽기 권한이, Kinesis 대상에는 kinesis:PutRecord와 PutRecords 권한이 필요합니다.',
        },
        reasonSaid(pipe),
      ),
      fix: joinLocalized(
        {
          en: `Add this statement to the execution role's policy:\n${jsonBlock(statement)}\n`,
          ko: `실행 역할의 정책에 아래 문을 추가하세요:\n${jsonBlock(statement)}\n`,
        },
        retryAfterFix,
      ),
    };
  },
};

/** The source stream or the target does not exist (deleted, other region, typo in the ARN). */
const pipeMissingResource: CatalogEntry = {
  kind: 'pipe-missing-resource',
  matches: (input) => failedWith(input, /does not exist|not found|cannot find|ResourceNotFound|invalid arn/i),
  diagnose: (input) => {
    const pipe = failure(input)!;
    return {
      kind: 'pipe-missing-resource',
      what: failedWhat(pipe),
      why: joinLocalized(
        {
          en: "The pipe's source stream or its target does not exist where the ARN points (deleted, another region, or a typo).",
          ko: '파이프의 소스 스트림이나 대상이 ARN이 가리키는 곳에 없습니다(삭제됨, 다른 리전, 오타).',
        },
        reasonSaid(pipe),
      ),
      fix: joinLocalized(
        {
          en: `Compare the pipe's Source and Target (aws pipes describe-pipe --name ${pipe.pipeName}) with your resources (aws kinesis list-streams), create what is missing, and use ARNs from the same region.`,
          ko: `파이프의 Source와 Target(aws pipes describe-pipe --name ${pipe.pipeName})을 실제 리소스(aws kinesis list-streams)와 비교하고, 없는 것을 만든 뒤 같은 리전의 ARN을 쓰세요.`,
        },
        retryAfterFix,
      ),
    };
  },
};

/** Any other *_FAILED state: show StateReason as it is. */
const pipeFailed: CatalogEntry = {
  kind: 'pipe-failed',
  matches: (input) => failure(input) !== undefined,
  diagnose: (input) => {
    const pipe = failure(input)!;
    return {
      kind: 'pipe-failed',
      what: failedWhat(pipe),
      why: joinLocalized(
        { en: 'EventBridge Pipes gave this reason:', ko: 'EventBridge Pipes가 밝힌 이유:' },
        reasonSaid(pipe),
      ),
      fix: {
        en: `Fix what the reason names, then update or recreate the pipe (step 5). Full details: aws pipes describe-pipe --name ${pipe.pipeName}`,
        ko: `이유에 나온 문제를 고친 뒤 파이프를 수정하거나 다시 만드세요(5단계). 자세한 내용: aws pipes describe-pipe --name ${pipe.pipeName}`,
      },
    };
  },
};

export const PIPES_STATE_ENTRIES: readonly CatalogEntry[] = [pipeSettling, pipeRoleTrust, pipeMissingPermission, pipeMissingResource, pipeFailed];
