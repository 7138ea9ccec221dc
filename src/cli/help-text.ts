import { commandLine } from '../i18n/command-line.js';
import type { Lang } from '../i18n/lang.js';

const GLOBAL_EN = `Where it runs (every command):
  --sandbox              use the embedded local sandbox (no AWS account needed)
  --metrics-delay 10s    with --sandbox: how late a minute's metrics show (0s–15m; AWS: minutes)
  --limits off           with --sandbox: no AWS throughput limits, for a demo (default: AWS's)
  --region R             AWS region (else AWS_REGION, AWS_DEFAULT_REGION, the profile, EC2 metadata)
  --profile P            named profile from ~/.aws/config
  --endpoint-url URL     another endpoint (also AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_KINESIS)
  --stream NAME          stream name (default input-stream)
  --on-demand            step 1 creates an on-demand stream (default: provisioned)
  --shards N             step 1's shard count for a provisioned stream (default 1)
  --lang ko|en           language (default from LC_ALL / LANG)
  --plain                plain lines instead of the full-screen UI
  --class CODE --name N  report your steps to the instructor's class board as N
  -h, --help             this help       -v, --version   the version`;

const GLOBAL_KO = `실행 위치 (모든 명령 공통):
  --sandbox              내장 로컬 샌드박스 사용 (AWS 계정 불필요)
  --metrics-delay 10s    --sandbox와 함께: 1분의 지표가 보이기까지의 지연 (0s~15m, AWS는 몇 분)
  --limits off           --sandbox와 함께: AWS 처리량 한도 없이 (시연용, 기본값은 AWS 한도)
  --region R             AWS 리전 (없으면 AWS_REGION, AWS_DEFAULT_REGION, 프로필, EC2 메타데이터 순)
  --profile P            ~/.aws/config의 프로필
  --endpoint-url URL     다른 엔드포인트 (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_KINESIS도 인식)
  --stream NAME          스트림 이름 (기본값 input-stream)
  --on-demand            1단계에서 온디맨드 스트림 생성 (기본값: 프로비저닝)
  --shards N             1단계 프로비저닝 스트림의 샤드 수 (기본값 1)
  --lang ko|en           언어 (기본값은 LC_ALL / LANG에서)
  --plain                전체 화면 대신 일반 텍스트 출력
  --class CODE --name N  강사의 수업 현황판에 N이라는 이름으로 단계 진행 상황 보내기
  -h, --help             도움말          -v, --version   버전`;

/** Every help page; `k` is the command as the learner runs it (see src/i18n/command-line.ts). */
// eslint-disable-next-line max-lines-per-function -- data, not logic: the help text of every topic in both languages
const topics = (k: string): Record<string, { en: string; ko: string }> => ({
  lab: {
    en: `kinesis-lab — a hands-on Amazon Kinesis Data Streams lab, checked step by step

Usage:
  ${k} [options] [--step ID]     the interactive lab
  ${k} check [STEP…] [--json]    run the automatic checks (exit 0 pass, 1 fail, 2 usage)
  ${k} solve STEP…  [--json]     do a step for the learner, then check it
  ${k} produce --api put-record|put-records [--count N | --duration 30s] [--rate R] [--batch-size N] [--json]
  ${k} sandbox [--port N] [--host 127.0.0.1] [--metrics-delay 60s]
  ${k} report [--json]           your progress: steps, time per step, records sent
  ${k} reset [STEP] [--yes]      forget saved progress (one step or all); AWS is not touched
  ${k} cleanup [--dry-run] [--yes]   delete what the lab created (tagged resources only)
  ${k} class create|board|delete a live class board for instructors
  ${k} doctor [--json]           check Node, credentials, region, endpoint, permissions, clock, terminal

Steps: create-stream, put-record, put-records, metrics, pipe

${GLOBAL_EN}

Start without an AWS account:  ${k} --sandbox`,
    ko: `kinesis-lab — 단계마다 자동으로 확인하는 Amazon Kinesis Data Streams 실습

사용법:
  ${k} [옵션] [--step ID]        대화형 실습
  ${k} check [STEP…] [--json]    자동 확인 실행 (종료 코드 0 통과, 1 실패, 2 사용법 오류)
  ${k} solve STEP…  [--json]     단계를 대신 진행한 뒤 확인
  ${k} produce --api put-record|put-records [--count N | --duration 30s] [--rate R] [--batch-size N] [--json]
  ${k} sandbox [--port N] [--host 127.0.0.1] [--metrics-delay 60s]
  ${k} report [--json]           진행 상황: 단계, 단계별 시간, 보낸 레코드
  ${k} reset [STEP] [--yes]      저장된 진행 상황 지우기(한 단계 또는 전체). AWS는 건드리지 않음
  ${k} cleanup [--dry-run] [--yes]   실습이 만든 리소스 삭제(태그가 붙은 것만)
  ${k} class create|board|delete 강사용 실시간 수업 현황판
  ${k} doctor [--json]           Node, 자격 증명, 리전, 엔드포인트, 권한, 시계, 터미널 점검

단계: create-stream, put-record, put-records, metrics, pipe

${GLOBAL_KO}

AWS 계정 없이 시작하기:  ${k} --sandbox`,
  },
  check: {
    en: `${k} check [STEP…] [--json] [options]

Runs the automatic checks of the named steps (all available steps when none are named) against the
real state, without the UI. Read-only. --json prints one object per line:
  {"step","ok","summary","evidence","fix"}
Exit code: 0 when every named check passes, 1 when any fails, 2 on bad usage.

${GLOBAL_EN}`,
    ko: `${k} check [STEP…] [--json] [옵션]

지정한 단계(없으면 진행 가능한 모든 단계)의 자동 확인을 UI 없이 실행합니다. 아무것도 바꾸지 않습니다.
--json을 주면 한 줄에 객체 하나씩 출력합니다: {"step","ok","summary","evidence","fix"}
종료 코드: 모두 통과 0, 하나라도 실패 1, 사용법 오류 2.

${GLOBAL_KO}`,
  },
  solve: {
    en: `${k} solve STEP… [--json] [options]

Performs each step's "do it for me" action, then runs its check — how an instructor catches a learner
up. Same output and exit codes as check; progress is saved.

${GLOBAL_EN}`,
    ko: `${k} solve STEP… [--json] [옵션]

각 단계의 "대신 해 주세요" 작업을 실행한 뒤 확인합니다. 강사가 뒤처진 학습자를 따라잡게 할 때 씁니다.
출력과 종료 코드는 check와 같고, 진행 상황이 저장됩니다.

${GLOBAL_KO}`,
  },
  produce: {
    en: `${k} produce --api put-record|put-records [--count N | --duration 30s] [--rate R] [--batch-size N] [--json]

Sends random taxi-trip JSON records to the stream without the UI (default: put-record, 100 records).
Ctrl+C stops cleanly. Ends with one summary line: records sent, records/s, failed, retried.
Exit code 0 when nothing failed, 1 otherwise, 2 on bad usage.

${GLOBAL_EN}`,
    ko: `${k} produce --api put-record|put-records [--count N | --duration 30s] [--rate R] [--batch-size N] [--json]

UI 없이 임의의 택시 운행 JSON 레코드를 스트림에 보냅니다(기본값: put-record, 100개).
Ctrl+C로 깔끔하게 멈추며, 마지막에 요약 한 줄(보낸 레코드, 초당 레코드, 실패, 재시도)을 출력합니다.
종료 코드: 실패가 없으면 0, 있으면 1, 사용법 오류 2.

${GLOBAL_KO}`,
  },
  report: {
    en: `${k} report [--json] [options]

Shows your saved progress without the UI and without calling AWS: each step's status, checks run and
time taken, records sent with PutRecord and PutRecords, and what the lab built. --json prints one
object. Exit code: 0 when every step passed, 1 otherwise, 2 on bad usage.

${GLOBAL_EN}`,
    ko: `${k} report [--json] [옵션]

UI 없이, AWS를 호출하지 않고 저장된 진행 상황을 보여 줍니다: 단계별 상태, 확인 횟수와 걸린 시간,
PutRecord와 PutRecords로 보낸 레코드 수, 실습에서 만든 리소스. --json을 주면 객체 하나를 출력합니다.
종료 코드: 모든 단계 통과 0, 아니면 1, 사용법 오류 2.

${GLOBAL_KO}`,
  },
  reset: {
    en: `${k} reset [STEP] [--yes] [options]

Forgets saved progress: one step's result (it starts over), or with no STEP the whole progress file
(a copy is kept beside it). Resources on AWS are never touched; ${k} cleanup deletes them.
Asks first; without a terminal it needs --yes.

${GLOBAL_EN}`,
    ko: `${k} reset [STEP] [--yes] [옵션]

저장된 진행 상황을 지웁니다: STEP을 주면 그 단계의 결과만(처음부터 다시), 주지 않으면 진행 상황 파일 전체
(옆에 사본을 남김). AWS 리소스는 건드리지 않습니다. 삭제는 ${k} cleanup이 합니다.
먼저 확인을 묻고, 터미널이 없으면 --yes가 필요합니다.

${GLOBAL_KO}`,
  },
  cleanup: {
    en: `${k} cleanup [--dry-run] [--yes] [options]

Deletes exactly what the lab created: resources tagged kinesis-lab=<lab id>, in every region the lab
ran in. A stream with the same name made another way is left alone. Lists each item first, asks
(or --yes), deletes, waits until each is gone, and says how many shard-hours per hour it stops.
--dry-run only lists. Exit code 0 when nothing the lab made is left, 1 otherwise, 2 on bad usage.

${GLOBAL_EN}`,
    ko: `${k} cleanup [--dry-run] [--yes] [옵션]

실습이 만든 것만 정확히 삭제합니다: 실습을 실행한 모든 리전에서 kinesis-lab=<실습 ID> 태그가 붙은 리소스.
다른 방법으로 만든 같은 이름의 스트림은 그대로 둡니다. 먼저 항목을 하나씩 보여 주고 확인을 물은 뒤(또는
--yes) 삭제하고, 각각 없어질 때까지 기다린 다음 시간당 몇 샤드 시간의 요금이 멈추는지 알려 줍니다.
--dry-run은 목록만 보여 줍니다. 종료 코드: 남은 것이 없으면 0, 아니면 1, 사용법 오류 2.

${GLOBAL_KO}`,
  },
  class: {
    en: `${k} class create [--class-stream NAME] [--accounts ID,ID… | --org o-…] [options]
${k} class board [CODE] [--once] [--plain]
${k} class delete [CODE] [--yes]

create: makes the class progress stream (default kinesis-lab-class). On AWS its resource policy lets
  only the learners' accounts (--accounts) or your organization (--org) put records on it. On a
  sandbox served to the room (${k} sandbox --host 0.0.0.0, then --endpoint-url its address)
  no policy is needed. Prints the join command with a short code.
board: the live table of the room: each learner's step, time on it, last error kind; per step how
  many are working, stuck and done. --once prints one snapshot and exits; --plain prints a new
  snapshot whenever something changes. CODE defaults to the last class created here.
delete: after class, deletes the class stream (only one class create made) and waits until it is gone.

Learners join with: npx kinesis-lab --class CODE --name "Their Name"
Each step change and each diagnosed error kind sends one small event (name, step, status, error
kind, time). Events wait on disk when the network is down and are sent later, in order.

${GLOBAL_EN}`,
    ko: `${k} class create [--class-stream NAME] [--accounts ID,ID… | --org o-…] [옵션]
${k} class board [CODE] [--once] [--plain]
${k} class delete [CODE] [--yes]

create: 수업 진행 스트림(기본값 kinesis-lab-class)을 만듭니다. AWS에서는 리소스 정책으로 학습자 계정
  (--accounts)이나 조직(--org)만 레코드를 넣을 수 있게 합니다. 강의실용 샌드박스(${k} sandbox
  --host 0.0.0.0으로 열고 그 주소를 --endpoint-url로)에서는 정책이 필요 없습니다. 짧은 코드가 담긴
  참여 명령을 출력합니다.
board: 강의실 실시간 현황표: 학습자별 현재 단계, 경과 시간, 마지막 오류 종류와 단계별 진행 중·막힘·완료
  인원. --once는 한 번 출력하고 끝나며, --plain은 바뀔 때마다 새로 출력합니다. CODE를 생략하면 이
  컴퓨터에서 마지막으로 만든 수업을 씁니다.
delete: 수업이 끝난 뒤 수업 스트림(class create로 만든 것만)을 삭제하고 없어질 때까지 기다립니다.

학습자 참여: npx kinesis-lab --class CODE --name "이름"
단계가 바뀌거나 진단된 오류 종류가 생길 때마다 작은 이벤트 하나(이름, 단계, 상태, 오류 종류, 시각)를
보냅니다. 네트워크가 끊기면 디스크에 모아 두었다가 나중에 순서대로 보냅니다.

${GLOBAL_KO}`,
  },
  doctor: {
    en: `${k} doctor [--json]

Checks, without creating anything, what the lab needs: Node.js, credentials (sts:GetCallerIdentity: account
and ARN, never a secret), the region and where it came from, the Kinesis endpoint, the IAM permissions the lab
uses (ListStreams, DescribeStreamSummary on your stream, and the IAM policy simulator where you may use it),
clock skew, and the terminal (size, colours, UTF-8). Each line is OK, a fix, or says what could not be checked.
--json prints one object per line. Exit code: 0 when nothing needs a fix, 1 otherwise.

${GLOBAL_EN}`,
    ko: `${k} doctor [--json]

아무것도 만들지 않고 실습에 필요한 것을 점검합니다: Node.js, 자격 증명(sts:GetCallerIdentity: 계정과 ARN만,
비밀 값은 절대 출력 안 함), 리전과 그 출처, Kinesis 엔드포인트, 실습이 쓰는 IAM 권한(ListStreams, 내 스트림의
DescribeStreamSummary, 쓸 수 있으면 IAM 정책 시뮬레이터), 시계 오차, 터미널(크기, 색, UTF-8). 각 줄은 정상, 조치 방법,
또는 확인하지 못한 이유입니다. --json은 한 줄에 객체 하나씩 출력합니다. 종료 코드: 조치할 것이 없으면 0, 있으면 1.

${GLOBAL_KO}`,
  },
  sandbox: {
    en: `${k} sandbox [--port N] [--host 127.0.0.1] [--metrics-delay 60s] [--data-dir DIR | --ephemeral]

Runs the local sandbox alone until Ctrl+C (Kinesis, and CloudWatch metrics for its streams) and prints
lines to paste so the AWS CLI, boto3 and your own scripts use it. Binds to 127.0.0.1 unless --host says
otherwise. Data is kept in memory unless --data-dir is given.

AWS's limits are on: per shard 1,000 records/s and 1 MiB/s of writes, 5 reads/s and 2 MiB/s of
reads, and the control plane's calls per second, answered with AWS's errors. --limits off turns them
off for a demo (also with --sandbox); the banner says so.

--faults SPEC injects faults on purpose, e.g. to show a class throttling (also with --sandbox):
  throttle          Kinesis's per-shard write limits (1,000 records/s, 1 MiB/s), on anyway
  throttle=200      a lower record limit per shard, so a slow producer meets it too
  error-rate=0.05   answer 5% of PutRecord/PutRecords calls with 500 or 503
  reset-rate=0.01   drop the connection on 1% of them (half after the records were written)
  latency=50ms      delay every Kinesis call
  seed=42           repeatable random choices
Example: ${k} sandbox --faults throttle=200,error-rate=0.05,latency=50ms

${GLOBAL_EN}`,
    ko: `${k} sandbox [--port N] [--host 127.0.0.1] [--metrics-delay 60s] [--data-dir DIR | --ephemeral]

로컬 샌드박스(Kinesis와 스트림의 CloudWatch 지표)만 실행하며 Ctrl+C로 멈춥니다. AWS CLI, boto3,
직접 만든 스크립트가 샌드박스를 쓰도록 붙여 넣을 줄을 출력합니다. --host를 주지 않으면 127.0.0.1에서만
대기합니다. --data-dir를 주지 않으면 데이터는 메모리에만 있습니다.

AWS의 한도가 켜져 있습니다: 샤드당 쓰기 초당 레코드 1,000개·1 MiB, 읽기 초당 5회·2 MiB, 관리용 API의
초당 호출 수를 AWS와 같은 오류로 지킵니다. --limits off는 시연용으로 한도를 끕니다(--sandbox에도 사용
가능). 시작할 때 그렇다고 알려 줍니다.

--faults SPEC은 일부러 장애를 주입합니다. 수업에서 스로틀링을 보여 줄 때 씁니다(--sandbox에도 사용 가능):
  throttle          Kinesis의 샤드당 쓰기 한도(초당 레코드 1,000개, 1 MiB), 원래 켜져 있음
  throttle=200      샤드당 레코드 한도를 더 낮춰, 느린 프로듀서도 걸리게 함
  error-rate=0.05   PutRecord/PutRecords 호출의 5%에 500 또는 503 응답
  reset-rate=0.01   호출의 1%에서 연결을 끊음(절반은 레코드가 기록된 뒤)
  latency=50ms      모든 Kinesis 호출을 지연
  seed=42           무작위 선택을 반복 가능하게
예: ${k} sandbox --faults throttle=200,error-rate=0.05,latency=50ms

${GLOBAL_KO}`,
  },
});

export function helpText(topic: string | undefined, lang: Lang): string {
  const pages = topics(commandLine());
  const entry = pages[topic ?? 'lab'] ?? pages.lab!;
  return entry[lang];
}
