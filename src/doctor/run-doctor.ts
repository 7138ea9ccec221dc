/**
 * `kinesis-lab doctor`: everything that must be right before the lab can work, one line each, OK or a
 * fix. Read-only: no call creates anything. Dependencies are passed in so tests use the sandbox or fakes.
 */
import type { RegionSource } from '../shared/region-source.js';
import { CATALOGS } from '../i18n/messages.js';
import type { CallerIdentity } from '../aws/caller-identity.js';
import type { StreamSummary } from '../aws/kinesis-port.js';
import type { SimulatedDecision } from '../aws/simulate-permissions.js';
import type { Diagnosis } from '../diagnose/diagnosis.js';
import { regionName } from '../validate/region.js';
import type { DoctorLine } from './doctor-line.js';
import { terminalLines, type TerminalFacts } from './terminal-lines.js';

/** What the lab calls, checked with IAM's simulator where the learner may use it. */
export const LAB_ACTIONS = [
  'kinesis:CreateStream', 'kinesis:DescribeStreamSummary', 'kinesis:ListShards', 'kinesis:PutRecord', 'kinesis:PutRecords',
  'kinesis:GetShardIterator', 'kinesis:GetRecords', 'cloudwatch:GetMetricData', 'pipes:CreatePipe', 'iam:CreateRole', 'iam:PassRole',
];

/** SigV4 refuses requests whose clock is 15 minutes off; warn well before. */
export const MAX_SKEW_MS = 5 * 60_000;

export interface DoctorDeps {
  nodeVersion: string;
  region?: string;
  regionSource?: RegionSource;
  /** The Kinesis endpoint in use (a flag, a variable, the sandbox), or AWS's for the region. */
  endpoint: string;
  sandbox: boolean;
  stream: string;
  identity(): Promise<CallerIdentity>;
  listStreams(): Promise<string[]>;
  describeStream(): Promise<StreamSummary>;
  simulate(callerArn: string, actions: string[]): Promise<SimulatedDecision[]>;
  diagnose(error: unknown, operation: string): Promise<Diagnosis>;
  now(): number;
  terminal: TerminalFacts;
}

export async function runDoctor(deps: DoctorDeps): Promise<DoctorLine[]> {
  const lines: DoctorLine[] = [nodeLine(deps.nodeVersion)];
  if (deps.region === undefined) {
    lines.push({
      check: 'region',
      status: 'fix',
      text: { en: 'No AWS region: nothing names one (--region, AWS_REGION, the profile)', ko: 'AWS 리전이 없습니다: --region, AWS_REGION, 프로필 어디에도 없습니다' },
      fix: { en: 'export AWS_REGION=ap-northeast-2 (or the region your instructor gave), then run again.', ko: 'export AWS_REGION=ap-northeast-2(또는 강사가 알려 준 리전)를 실행한 뒤 다시 실행하세요.' },
    });
    return [...lines, ...terminalLines(deps.terminal)];
  }
  const named = regionName(deps.region);
  lines.push({
    check: 'region',
    status: 'ok',
    text: {
      en: `Region ${deps.region}${named ? ` (${named.en})` : ''}, from ${deps.regionSource ? CATALOGS.en.regionSources[deps.regionSource] : 'default'}`,
      ko: `리전 ${deps.region}${named ? ` (${named.ko})` : ''}, 출처: ${deps.regionSource ? CATALOGS.ko.regionSources[deps.regionSource] : '기본값'}`,
    },
  });

  // Reachability and kinesis:ListStreams in one call: any HTTP answer means the endpoint is there.
  let listError: unknown;
  let streams: string[] | undefined;
  try {
    streams = await deps.listStreams();
  } catch (error) {
    listError = error;
  }
  const answered = listError === undefined || httpStatus(listError) !== undefined;
  if (answered) {
    lines.push({ check: 'endpoint', status: 'ok', text: { en: `Kinesis endpoint ${deps.endpoint} answers`, ko: `Kinesis 엔드포인트 ${deps.endpoint} 응답함` } });
  } else {
    lines.push(await fixFromDiagnosis('endpoint', listError, 'ListStreams', deps, { en: `Kinesis endpoint ${deps.endpoint} does not answer`, ko: `Kinesis 엔드포인트가 응답하지 않습니다(${deps.endpoint})` }));
    return [...lines, ...terminalLines(deps.terminal)];
  }

  let identity: CallerIdentity | undefined;
  try {
    identity = await deps.identity();
    lines.push({ check: 'credentials', status: 'ok', text: { en: `Credentials work: account ${identity.account}, ${identity.arn}`, ko: `자격 증명 정상: 계정 ${identity.account}, ${identity.arn}` } });
  } catch (error) {
    lines.push(await fixFromDiagnosis('credentials', error, 'GetCallerIdentity', deps, { en: 'Credentials do not work', ko: '자격 증명이 동작하지 않습니다' }));
  }
  lines.push(clockLine(identity?.serverDate, deps.now()));

  if (identity) lines.push(...(await permissionLines(deps, identity, streams, listError)));
  else lines.push({ check: 'permissions', status: 'unchecked', text: { en: 'IAM permissions not checked: the credentials must work first', ko: 'IAM 권한은 확인하지 못했습니다: 먼저 자격 증명이 동작해야 합니다' } });
  return [...lines, ...terminalLines(deps.terminal)];
}

function nodeLine(version: string): DoctorLine {
  const major = Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);
  if (major < 20) {
    return { check: 'node', status: 'fix', text: { en: `Node.js ${version} is too old`, ko: `Node.js 버전이 너무 오래되었습니다(${version})` }, fix: { en: 'Install Node.js 22 (e.g. nvm install 22), then run again.', ko: 'Node.js 22를 설치한 뒤(예: nvm install 22) 다시 실행하세요.' } };
  }
  const note = major < 22 ? { en: ' (AWS SDK releases after early January 2027 need Node.js 22)', ko: ' (2027년 1월 초 이후 AWS SDK는 Node.js 22 필요)' } : { en: '', ko: '' };
  return { check: 'node', status: 'ok', text: { en: `Node.js ${version}${note.en}`, ko: `Node.js ${version}${note.ko}` } };
}

function clockLine(serverDate: Date | undefined, now: number): DoctorLine {
  if (!serverDate) return { check: 'clock', status: 'unchecked', text: { en: 'Clock skew not checked: no answer with a Date header', ko: '시계 오차는 확인하지 못했습니다: Date 헤더가 있는 응답이 없습니다' } };
  const skewMs = now - serverDate.getTime();
  const seconds = Math.round(Math.abs(skewMs) / 1000);
  const direction = skewMs > 0 ? { en: 'ahead of', ko: '빠름' } : { en: 'behind', ko: '느림' };
  if (Math.abs(skewMs) <= MAX_SKEW_MS) {
    return { check: 'clock', status: 'ok', text: { en: `Clock within ${Math.max(seconds, 1)} s of the server`, ko: `시계가 서버와 ${Math.max(seconds, 1)}초 이내로 맞음` } };
  }
  return {
    check: 'clock',
    status: 'fix',
    text: { en: `Clock is ${seconds} s ${direction.en} the server: AWS refuses signatures 15 minutes off`, ko: `시계가 서버보다 ${seconds}초 ${direction.ko}: 15분 넘게 어긋나면 AWS가 서명을 거부합니다` },
    fix: { en: 'Sync the clock: sudo timedatectl set-ntp true (Linux), or Settings → Date & time → Sync now.', ko: '시계를 맞추세요: sudo timedatectl set-ntp true(Linux) 또는 설정 → 날짜 및 시간 → 지금 동기화.' },
  };
}

async function permissionLines(deps: DoctorDeps, identity: CallerIdentity, streams: string[] | undefined, listError: unknown): Promise<DoctorLine[]> {
  if (deps.sandbox) {
    return [{ check: 'permissions', status: 'ok', text: { en: 'The sandbox does not enforce IAM: every lab action is allowed', ko: '샌드박스는 IAM을 적용하지 않으므로 실습의 모든 작업이 허용됩니다' } }];
  }
  const lines: DoctorLine[] = [];
  lines.push(streams !== undefined
    ? { check: 'permission kinesis:ListStreams', status: 'ok', text: { en: `kinesis:ListStreams allowed (${streams.length} streams)`, ko: `kinesis:ListStreams 허용됨(스트림 ${streams.length}개)` } }
    : await fixFromDiagnosis('permission kinesis:ListStreams', listError, 'ListStreams', deps, { en: 'kinesis:ListStreams failed', ko: 'kinesis:ListStreams 실패' }));
  try {
    const summary = await deps.describeStream();
    lines.push({ check: 'permission kinesis:DescribeStreamSummary', status: 'ok', text: { en: `kinesis:DescribeStreamSummary allowed: ${summary.name} is ${summary.status}`, ko: `kinesis:DescribeStreamSummary 허용됨: ${summary.name} 상태 ${summary.status}` } });
  } catch (error) {
    if (errorName(error) === 'ResourceNotFoundException') {
      lines.push({ check: 'permission kinesis:DescribeStreamSummary', status: 'ok', text: { en: `kinesis:DescribeStreamSummary allowed; ${deps.stream} does not exist yet in ${deps.region} (step 1 creates it)`, ko: `kinesis:DescribeStreamSummary 허용됨. ${deps.region}에 ${deps.stream} 스트림은 아직 없습니다(1단계에서 만듭니다)` } });
    } else {
      lines.push(await fixFromDiagnosis('permission kinesis:DescribeStreamSummary', error, 'DescribeStreamSummary', deps, { en: 'kinesis:DescribeStreamSummary failed', ko: 'kinesis:DescribeStreamSummary 실패' }));
    }
  }
  try {
    const decisions = await deps.simulate(identity.arn, LAB_ACTIONS);
    const denied = decisions.filter((d) => !d.allowed).map((d) => d.action);
    if (denied.length === 0) {
      lines.push({ check: 'permissions', status: 'ok', text: { en: `IAM simulator: all ${decisions.length} lab actions allowed`, ko: `IAM 시뮬레이터: 실습 작업 ${decisions.length}개 모두 허용됨` } });
    } else {
      const statement = JSON.stringify({ Effect: 'Allow', Action: denied, Resource: '*' });
      lines.push({
        check: 'permissions',
        status: 'fix',
        text: { en: `IAM simulator: not allowed: ${denied.join(', ')}`, ko: `IAM 시뮬레이터: 허용되지 않음: ${denied.join(', ')}` },
        fix: { en: `Ask your administrator to add this statement to your role or user: ${statement}`, ko: `관리자에게 역할이나 사용자에 다음 문장을 추가해 달라고 요청하세요: ${statement}` },
      });
    }
  } catch (error) {
    const reason = errorName(error);
    lines.push({
      check: 'permissions',
      status: 'unchecked',
      text: {
        en: `Could not check ${LAB_ACTIONS.filter((a) => a !== 'kinesis:ListStreams' && a !== 'kinesis:DescribeStreamSummary').join(', ')}: the IAM simulator said ${reason} (checking needs iam:SimulatePrincipalPolicy). The lab's checks will say which one is missing, if any.`,
        ko: `${LAB_ACTIONS.filter((a) => a !== 'kinesis:ListStreams' && a !== 'kinesis:DescribeStreamSummary').join(', ')} 권한은 확인하지 못했습니다: IAM 시뮬레이터 응답 ${reason}(확인하려면 iam:SimulatePrincipalPolicy 필요). 빠진 권한이 있으면 실습의 확인 단계가 알려 줍니다.`,
      },
    });
  }
  return lines;
}

async function fixFromDiagnosis(check: string, error: unknown, operation: string, deps: DoctorDeps, headline: { en: string; ko: string }): Promise<DoctorLine> {
  const d = await deps.diagnose(error, operation);
  return { check, status: 'fix', text: { en: `${headline.en}: ${d.what.en}`, ko: `${headline.ko}: ${d.what.ko}` }, fix: d.fix };
}

function httpStatus(error: unknown): number | undefined {
  const status = (error as { $metadata?: { httpStatusCode?: unknown } } | undefined)?.$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'UnknownError';
}
