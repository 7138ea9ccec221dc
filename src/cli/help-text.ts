import type { Lang } from '../i18n/lang.js';

const GLOBAL_EN = `Where it runs (every command):
  --sandbox              use the embedded local sandbox (no AWS account needed)
  --region R             AWS region (else AWS_REGION, AWS_DEFAULT_REGION, the profile, EC2 metadata)
  --profile P            named profile from ~/.aws/config
  --endpoint-url URL     another endpoint (also AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_KINESIS)
  --stream NAME          stream name (default input-stream)
  --lang ko|en           language (default from LC_ALL / LANG)
  --plain                plain lines instead of the full-screen UI
  -h, --help             this help       -v, --version   the version`;

const GLOBAL_KO = `실행 위치 (모든 명령 공통):
  --sandbox              내장 로컬 샌드박스 사용 (AWS 계정 불필요)
  --region R             AWS 리전 (없으면 AWS_REGION, AWS_DEFAULT_REGION, 프로파일, EC2 메타데이터 순)
  --profile P            ~/.aws/config의 프로파일
  --endpoint-url URL     다른 엔드포인트 (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_KINESIS도 인식)
  --stream NAME          스트림 이름 (기본값 input-stream)
  --lang ko|en           언어 (기본값은 LC_ALL / LANG에서)
  --plain                전체 화면 대신 일반 텍스트 출력
  -h, --help             도움말          -v, --version   버전`;

const TOPICS: Record<string, { en: string; ko: string }> = {
  lab: {
    en: `kinesis-lab — a hands-on Amazon Kinesis Data Streams lab, checked step by step

Usage:
  kinesis-lab [options] [--step ID]     the interactive lab
  kinesis-lab check [STEP…] [--json]    run the automatic checks (exit 0 pass, 1 fail, 2 usage)
  kinesis-lab solve STEP…  [--json]     do a step for the learner, then check it
  kinesis-lab produce --api put-record|put-records [--count N | --duration 30s] [--rate R] [--batch-size N] [--json]
  kinesis-lab sandbox [--port N] [--host 127.0.0.1] [--metrics-delay 60s]

Steps: create-stream, put-record, put-records, metrics, pipe

${GLOBAL_EN}

Start without an AWS account:  npx kinesis-lab --sandbox`,
    ko: `kinesis-lab — 단계마다 자동으로 확인하는 Amazon Kinesis Data Streams 실습

사용법:
  kinesis-lab [옵션] [--step ID]        대화형 실습
  kinesis-lab check [STEP…] [--json]    자동 확인 실행 (종료 코드 0 통과, 1 실패, 2 사용법 오류)
  kinesis-lab solve STEP…  [--json]     단계를 대신 진행한 뒤 확인
  kinesis-lab produce --api put-record|put-records [--count N | --duration 30s] [--rate R] [--batch-size N] [--json]
  kinesis-lab sandbox [--port N] [--host 127.0.0.1] [--metrics-delay 60s]

단계: create-stream, put-record, put-records, metrics, pipe

${GLOBAL_KO}

AWS 계정 없이 시작하기:  npx kinesis-lab --sandbox`,
  },
  check: {
    en: `kinesis-lab check [STEP…] [--json] [options]

Runs the automatic checks of the named steps (all available steps when none are named) against the
real state, without the UI. Read-only. --json prints one object per line:
  {"step","ok","summary","evidence","fix"}
Exit code: 0 when every named check passes, 1 when any fails, 2 on bad usage.

${GLOBAL_EN}`,
    ko: `kinesis-lab check [STEP…] [--json] [옵션]

지정한 단계(없으면 진행 가능한 모든 단계)의 자동 확인을 UI 없이 실행합니다. 아무것도 바꾸지 않습니다.
--json을 주면 한 줄에 객체 하나씩 출력합니다: {"step","ok","summary","evidence","fix"}
종료 코드: 모두 통과 0, 하나라도 실패 1, 사용법 오류 2.

${GLOBAL_KO}`,
  },
  solve: {
    en: `kinesis-lab solve STEP… [--json] [options]

Performs each step's "do it for me" action, then runs its check — how an instructor catches a learner
up. Same output and exit codes as check; progress is saved.

${GLOBAL_EN}`,
    ko: `kinesis-lab solve STEP… [--json] [옵션]

각 단계의 "대신 해 주세요" 작업을 실행한 뒤 확인합니다. 강사가 뒤처진 학습자를 따라잡게 할 때 씁니다.
출력과 종료 코드는 check와 같고, 진행 상황이 저장됩니다.

${GLOBAL_KO}`,
  },
  produce: {
    en: `kinesis-lab produce --api put-record|put-records [--count N | --duration 30s] [--rate R] [--batch-size N] [--json]

Sends random taxi-trip JSON records to the stream without the UI (default: put-record, 100 records).
Ctrl+C stops cleanly. Ends with one summary line: records sent, records/s, failed, retried.
Exit code 0 when nothing failed, 1 otherwise, 2 on bad usage.

${GLOBAL_EN}`,
    ko: `kinesis-lab produce --api put-record|put-records [--count N | --duration 30s] [--rate R] [--batch-size N] [--json]

UI 없이 임의의 택시 운행 JSON 레코드를 스트림에 보냅니다(기본값: put-record, 100개).
Ctrl+C로 깔끔하게 멈추며, 마지막에 요약 한 줄(보낸 레코드, 초당 레코드, 실패, 재시도)을 출력합니다.
종료 코드: 실패가 없으면 0, 있으면 1, 사용법 오류 2.

${GLOBAL_KO}`,
  },
  sandbox: {
    en: `kinesis-lab sandbox [--port N] [--host 127.0.0.1] [--metrics-delay 60s] [--data-dir DIR | --ephemeral]

Runs the local sandbox alone until Ctrl+C (Kinesis, and CloudWatch metrics for its streams) and prints
lines to paste so the AWS CLI, boto3 and your own scripts use it. Binds to 127.0.0.1 unless --host says
otherwise. Data is kept in memory unless --data-dir is given.

--faults SPEC injects faults on purpose, e.g. to show a class throttling (also with --sandbox):
  throttle          enforce Kinesis's per-shard write limits (1,000 records/s, 1 MiB/s)
  throttle=200      the same with a lower record limit per shard
  error-rate=0.05   answer 5% of PutRecord/PutRecords calls with 500 or 503
  reset-rate=0.01   drop the connection on 1% of them (half after the records were written)
  latency=50ms      delay every Kinesis call
  seed=42           repeatable random choices
Example: kinesis-lab sandbox --faults throttle=200,error-rate=0.05,latency=50ms

${GLOBAL_EN}`,
    ko: `kinesis-lab sandbox [--port N] [--host 127.0.0.1] [--metrics-delay 60s] [--data-dir DIR | --ephemeral]

로컬 샌드박스(Kinesis와 스트림의 CloudWatch 지표)만 실행하며 Ctrl+C로 멈춥니다. AWS CLI, boto3,
직접 만든 스크립트가 샌드박스를 쓰도록 붙여 넣을 줄을 출력합니다. --host를 주지 않으면 127.0.0.1에서만
대기합니다. --data-dir를 주지 않으면 데이터는 메모리에만 있습니다.

--faults SPEC은 일부러 장애를 주입합니다. 수업에서 스로틀링을 보여 줄 때 씁니다(--sandbox에도 사용 가능):
  throttle          Kinesis의 샤드당 쓰기 한도 적용(초당 레코드 1,000개, 1 MiB)
  throttle=200      샤드당 레코드 한도를 낮춰 적용
  error-rate=0.05   PutRecord/PutRecords 호출의 5%에 500 또는 503 응답
  reset-rate=0.01   호출의 1%에서 연결을 끊음(절반은 레코드가 기록된 뒤)
  latency=50ms      모든 Kinesis 호출을 지연
  seed=42           무작위 선택을 반복 가능하게
예: kinesis-lab sandbox --faults throttle=200,error-rate=0.05,latency=50ms

${GLOBAL_KO}`,
  },
};

export function helpText(topic: string | undefined, lang: Lang): string {
  const entry = TOPICS[topic ?? 'lab'] ?? TOPICS.lab!;
  return entry[lang];
}
