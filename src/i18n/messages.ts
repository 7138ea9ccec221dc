import type { RegionSource } from '../shared/region-source.js';
import type { AutoFix } from '../shared/auto-fix.js';
import { commandLine } from './command-line.js';
import type { Lang } from './lang.js';

/** Where the lab runs now and on what, for the one-key fix texts. */
export interface FixWhere {
  stream: string;
  region: string;
  sandbox: boolean;
}

/**
 * Every string of the runner's own chrome (the lab's texts live in labs/). English and Korean are both
 * typed as `Messages`, so a key missing in one language is a compile error; messages.test.ts also
 * rejects empty strings.
 */
export interface Messages {
  appTitle: string;
  targetSandbox: (url: string) => string;
  /** After the sandbox's address in the header when it runs with `--limits off`. */
  limitsOffTag: string;
  targetAws: (profile: string | undefined) => string;
  regionLine: (region: string, source: RegionSource) => string;
  streamLine: (stream: string) => string;
  steps: string;
  comingNext: string;
  status: Record<'pending' | 'in-progress' | 'acting' | 'checking' | 'passed' | 'failed', string>;
  keyDo: string;
  keyMyself: string;
  keyCheck: string;
  keyNext: string;
  keyScroll: string;
  keyJump: string;
  keyCode: string;
  keyHint: string;
  keyLang: string;
  keyStop: string;
  keyQuit: string;
  keyFix: string;
  /** Exactly what pressing f does (after the key itself). */
  fixOffer: (fix: AutoFix, now: FixWhere) => string;
  fixWaiting: (secondsLeft: number) => string;
  fixApplying: (fix: AutoFix) => string;
  /** After a fix was applied and the step checked again; `from` is where the lab ran before. */
  fixDone: (fix: AutoFix, from: { stream: string; region: string }) => string;
  chooseMode: string;
  manualWaiting: string;
  acting: string;
  checking: string;
  elapsed: (seconds: number) => string;
  streamStatus: (status: string) => string;
  passed: string;
  failed: string;
  whatWeLookedAt: string;
  whatToDo: string;
  hint: (n: number, total: number) => string;
  noHints: string;
  codeTitle: string;
  codeTabs: Record<'cli' | 'typescript' | 'python', string>;
  codeTabKey: string;
  producerTitle: (api: string) => string;
  producerCounters: (sent: number, failed: number, retried: number, rate: number) => string;
  producerLogHeader: string;
  producerStopping: string;
  /** After the counters while records are throttled: how many answers said the shard was over its limit. */
  producerThrottled: (records: number) => string;
  compareTitle: string;
  compareRow: (api: string, rate: number | undefined) => string;
  compareGain: (times: number) => string;
  /** What bounds PutRecord: one round trip per record, `ms` long here. */
  compareBoundPutRecord: (ms: number) => string;
  /** What bounds PutRecords: the shards' write limit. */
  compareBoundPutRecords: string;
  /** The same comparison on AWS, from an instance in the stream's region. */
  compareOnAws: string;
  notMeasured: string;
  comingNextBody: string;
  labComplete: string;
  completionSummary: (steps: number, records: number, minutes: number) => string;
  resumed: (step: string) => string;
  quitHint: string;
  /** After quitting a run that a fix moved to another region or stream: the command that resumes there. */
  switchedResume: (command: string) => string;
  askRegion: string;
  askRegionInvalid: (value: string) => string;
  sandboxStarting: string;
  /** The interactive lab's first frame, while the embedded sandbox and the SDK clients start. */
  startingSandbox: string;
  /** The same on real AWS, while the SDK clients load. */
  startingAws: string;
  sandboxReady: (url: string) => string;
  sandboxPaste: string;
  sandboxStop: string;
  sandboxExposed: (host: string) => string;
  /** `--limits off`: said at start so nobody takes the sandbox's speed for AWS's. */
  sandboxLimitsOff: string;
  checkLine: (step: string, ok: boolean, summary: string) => string;
  plainStep: (n: number, total: number, title: string) => string;
  plainStopAt: (step: string) => string;
  plainSolve: (command: string) => string;
  plainByHand: string;
  /** Where the region came from, as the header says it. */
  regionSources: Record<RegionSource, string>;
  keyResult: string;
  keyTab: string;
  keyWrite: string;
  keyBack: string;
  keyLines: string;
  /** The step text or code goes on below / above the window. */
  moreBelow: (lines: number) => string;
  moreAbove: (lines: number) => string;
  /** The activity area left lines out; r shows them all. */
  moreResult: (lines: number) => string;
  resultTitle: string;
  tooSmall: (columns: number, rows: number, minColumns: number, minRows: number) => string;
  /** One PutRecords call in the producer's log. */
  producerBatch: (records: number, failed: number) => string;
  /** Above the solutions on the sandbox: the lines that point a fresh shell at it. */
  sandboxPasteTitle: string;
  codeWritten: (dir: string, files: string[]) => string;
  codeUnchanged: (dir: string) => string;
  codeAskOverwrite: (files: string[]) => string;
  codeKept: (files: string[]) => string;
  codeWriteFailed: (message: string) => string;
  keyOverwrite: string;
  keyKeep: string;
}

const en: Messages = {
  appTitle: 'Kinesis Data Streams lab',
  targetSandbox: (url) => `sandbox ${url}`,
  limitsOffTag: ' (AWS limits off)',
  targetAws: (profile) => (profile ? `AWS (profile ${profile})` : 'AWS'),
  regionLine: (region, source) => `region ${region} (${en.regionSources[source]})`,
  streamLine: (stream) => `stream ${stream}`,
  steps: 'Steps',
  comingNext: 'coming next',
  status: { pending: 'not started', 'in-progress': 'in progress', acting: 'working…', checking: 'checking…', passed: 'passed', failed: 'needs attention' },
  keyDo: 'do it for me',
  keyMyself: "I'll do it myself",
  keyCheck: 'check',
  keyNext: 'next step',
  keyScroll: 'scroll',
  keyJump: 'go to step',
  keyCode: 'code',
  keyHint: 'hint',
  keyLang: '한국어',
  keyStop: 'stop',
  keyQuit: 'quit',
  keyFix: 'apply the fix',
  fixOffer: (fix, now) => {
    switch (fix.type) {
      case 'switch-region':
        return `switches this lab from region ${now.region} to ${fix.region} (stream ${now.stream}), saves that in your progress, and checks this step again. Your terminal's AWS_REGION does not change.`;
      case 'switch-stream':
        return `switches this lab from stream "${now.stream}" to "${fix.stream}" (region ${now.region} stays), saves that in your progress, and checks this step again. Your own scripts keep the name they use.`;
      case 'wait-and-retry':
        return `waits ${seconds(fix.delayMs)} s and checks this step again.`;
      case 'create-stream':
        return `creates stream ${fix.stream} in ${now.region} the way step 1 does, waits until it is ACTIVE, and checks this step again.${now.sandbox ? '' : ` On AWS a provisioned shard is billed by the hour until the stream is deleted (${commandLine('cleanup')}).`}`;
      case 'use-names':
        return `does this step again with ${nameList(fix.names)} instead of the names that are taken, saves that in your progress, and checks it. What is not yours stays untouched.`;
      case 'add-shards':
        return `doubles ${fix.stream} from ${fix.from} to ${fix.to} shards (UpdateShardCount), waits until it is ACTIVE, and runs this step's producer again: ${fix.to} × 1,000 records/s.${now.sandbox ? '' : ` On AWS each shard is billed by the hour until the stream is deleted (${commandLine('cleanup')}).`}`;
    }
  },
  fixWaiting: (left) => `Checking again in ${left} s`,
  fixApplying: (fix) => {
    switch (fix.type) {
      case 'switch-region':
        return `Switching the lab to ${fix.region}`;
      case 'switch-stream':
        return `Switching the lab to stream ${fix.stream}`;
      case 'wait-and-retry':
        return `Waiting ${seconds(fix.delayMs)} s`;
      case 'create-stream':
        return `Creating ${fix.stream}`;
      case 'use-names':
        return `Doing the step again with ${nameList(fix.names)}`;
      case 'add-shards':
        return `Scaling ${fix.stream} to ${fix.to} shards`;
    }
  },
  fixDone: (fix, from) => {
    switch (fix.type) {
      case 'switch-region':
        return `The lab now uses region ${fix.region} (was ${from.region}). Saved: the next run uses it too, unless --region names another.`;
      case 'switch-stream':
        return `The lab now uses stream "${fix.stream}" (was "${from.stream}"). Saved: the next run uses it too, unless --stream names another.`;
      case 'wait-and-retry':
        return `Waited ${seconds(fix.delayMs)} s and checked again.`;
      case 'create-stream':
        return `Created ${fix.stream} and checked again.`;
      case 'use-names':
        return `This step now uses ${nameList(fix.names)}. Saved: the next run uses them too.`;
      case 'add-shards':
        return `${fix.stream} has ${fix.to} shards now (was ${fix.from}); the producer ran again and the step was checked.`;
    }
  },
  chooseMode: 'Press d and kinesis-lab does this step for you, or m to do it yourself.',
  manualWaiting: 'Do the step in the console, the AWS CLI or your own script (s shows the commands). Press c when you are done and kinesis-lab checks.',
  acting: 'Working on it',
  checking: 'Checking',
  elapsed: (s) => `${s.toFixed(0)} s`,
  streamStatus: (status) => `stream status: ${status}`,
  passed: 'Check passed',
  failed: 'Check failed',
  whatWeLookedAt: 'What the check looked at',
  whatToDo: 'What to do',
  hint: (n, total) => `Hint ${n}/${total}`,
  noHints: 'No hints for this step.',
  codeTitle: 'The same step by hand',
  codeTabs: { cli: 'AWS CLI', typescript: 'TypeScript', python: 'Python (boto3)' },
  codeTabKey: 'Tab ⇥',
  producerTitle: (api) => `Producer · ${api}`,
  producerCounters: (sent, failed, retried, rate) => `sent ${sent} · failed ${failed} · retried ${retried} · ${rate.toFixed(0)} records/s`,
  producerLogHeader: 'request id                             HTTP  shard                 sequence number',
  producerStopping: 'Stopping after the request in flight…',
  producerThrottled: (records) => `throttled ${records} (a shard took more than its 1,000 records/s or 1 MiB/s; retried with backoff)`,
  compareTitle: 'Measured in this session',
  compareRow: (api, rate) => `${api.padEnd(11)} ${rate === undefined ? '—' : `${rate.toFixed(0)} records/s`}`,
  compareGain: (times) => `PutRecords is ${times.toFixed(1)}× faster here`,
  compareBoundPutRecord: (ms) => `PutRecord: one round trip per record, ${ms < 10 ? ms.toFixed(1) : ms.toFixed(0)} ms each here.`,
  compareBoundPutRecords: 'PutRecords: bound by the shards, 1,000 records/s and 1 MiB/s each (here as on AWS).',
  compareOnAws: "On AWS, from Cloud9/CloudShell in the stream's region, a round trip takes tens of ms: PutRecord gets tens of records/s, PutRecords still the shard limit.",
  notMeasured: 'not measured yet',
  comingNextBody: 'This step arrives in a coming release. Read on to know what it will show.',
  labComplete: 'Lab complete: every step passed.',
  completionSummary: (steps, records, minutes) => `${steps} steps passed · ${records} records sent · ${minutes.toFixed(0)} min`,
  resumed: (step) => `Welcome back: resuming at ${step}.`,
  quitHint: 'Your progress is saved; run the same command to resume.',
  switchedResume: (command) => `This run switched the lab's region or stream, and a --region or --stream flag would switch it back. To resume where you are: ${command}`,
  askRegion: 'Which AWS region should the lab use? (e.g. ap-northeast-2, us-east-1): ',
  askRegionInvalid: (value) => `"${value}" is not a region name like ap-northeast-2.`,
  sandboxStarting: 'Starting the sandbox…',
  startingSandbox: 'Starting the local sandbox and the AWS SDK clients…',
  startingAws: 'Loading the AWS SDK clients…',
  sandboxReady: (url) => `Sandbox ready at ${url}`,
  sandboxPaste: 'Paste these lines into another terminal so the AWS CLI, boto3 and your own scripts use it:',
  sandboxStop: 'Press Ctrl+C to stop the sandbox.',
  sandboxExposed: (host) => `Warning: the sandbox listens on ${host}, so other machines can reach it. It has no authentication; use it only on a network you trust.`,
  sandboxLimitsOff: "AWS's limits are off (--limits off): nothing is throttled here, while AWS takes 1,000 records/s and 1 MiB/s per shard for writes, 5 reads and 2 MiB/s per shard for reads, and a few control-plane calls per second.",
  checkLine: (step, ok, summary) => `${ok ? 'PASS' : 'FAIL'} ${step}: ${summary}`,
  plainStep: (n, total, title) => `Step ${n}/${total}: ${title}`,
  plainStopAt: (step) => `Stopped at ${step}. Fix it and run the command again; progress is saved.`,
  plainSolve: (command) => `To have kinesis-lab do this step for you: ${command}`,
  plainByHand: 'To do it yourself, for example with the AWS CLI:',
  regionSources: { flag: '--region', AWS_REGION: 'AWS_REGION', AWS_DEFAULT_REGION: 'AWS_DEFAULT_REGION', profile: 'profile', 'instance-metadata': 'instance metadata', 'saved-progress': 'saved progress', 'sandbox-default': 'sandbox default', asked: 'you chose', switched: 'switched by a fix' },
  keyResult: 'full result',
  keyTab: 'language',
  keyWrite: 'save code files',
  keyBack: 'back',
  keyLines: 'scroll',
  moreBelow: (n) => `↓ ${n} more ${n === 1 ? 'line' : 'lines'} (↑↓ PgUp PgDn)`,
  moreAbove: (n) => `↑ ${n} ${n === 1 ? 'line' : 'lines'} above`,
  moreResult: (n) => `… ${n} more ${n === 1 ? 'line' : 'lines'}: press r for the full result`,
  resultTitle: 'Full result (↑↓ to scroll, r or Esc to go back)',
  tooSmall: (c, r, minC, minR) => `This terminal is ${c}×${r}. The lab needs at least ${minC}×${minR} so the check result and the fix always fit: enlarge the window or make the font smaller. q quits.`,
  producerBatch: (records, failed) => `${records} records, ${failed} failed`,
  sandboxPasteTitle: '# On the sandbox, paste these lines into a new terminal first (address, key, region):',
  codeWritten: (dir, files) => `Saved to ${dir}: ${files.join(', ')}. Each file's first line says how to run it.`,
  codeUnchanged: (dir) => `The files in ${dir} are already up to date.`,
  codeAskOverwrite: (files) => `You changed ${files.join(', ')} since the lab saved ${files.length === 1 ? 'it' : 'them'}. Replace with this step's code? y replaces, n keeps yours.`,
  codeKept: (files) => `Kept your ${files.join(', ')}.`,
  codeWriteFailed: (message) => `Could not save the code: ${message}`,
  keyOverwrite: 'replace',
  keyKeep: 'keep mine',
};

const ko: Messages = {
  appTitle: 'Kinesis Data Streams 실습',
  targetSandbox: (url) => `샌드박스 ${url}`,
  limitsOffTag: ' (AWS 한도 꺼짐)',
  targetAws: (profile) => (profile ? `AWS (프로필 ${profile})` : 'AWS'),
  regionLine: (region, source) => `리전 ${region} (${ko.regionSources[source]})`,
  streamLine: (stream) => `스트림 ${stream}`,
  steps: '단계',
  comingNext: '곧 추가',
  status: { pending: '시작 전', 'in-progress': '진행 중', acting: '작업 중…', checking: '확인 중…', passed: '통과', failed: '확인 필요' },
  keyDo: '대신 해 주세요',
  keyMyself: '직접 할게요',
  keyCheck: '확인',
  keyNext: '다음 단계',
  keyScroll: '스크롤',
  keyJump: '단계 이동',
  keyCode: '코드',
  keyHint: '힌트',
  keyLang: 'English',
  keyStop: '중지',
  keyQuit: '종료',
  keyFix: '해결 방법 적용',
  fixOffer: (fix, now) => {
    switch (fix.type) {
      case 'switch-region':
        return `이 실습의 리전을 ${now.region}에서 ${fix.region} 리전으로 바꾸고(스트림 ${now.stream}) 진행 상황에 저장한 뒤 이 단계를 다시 확인합니다. 터미널의 AWS_REGION은 바뀌지 않습니다.`;
      case 'switch-stream':
        return `이 실습에서 "${now.stream}" 대신 "${fix.stream}" 스트림을 쓰도록 바꾸고(리전은 ${now.region} 그대로) 진행 상황에 저장한 뒤 이 단계를 다시 확인합니다. 직접 만든 스크립트의 스트림 이름은 바뀌지 않습니다.`;
      case 'wait-and-retry':
        return `${seconds(fix.delayMs)}초 기다린 뒤 이 단계를 다시 확인합니다.`;
      case 'create-stream':
        return `${now.region} 리전에 ${fix.stream} 스트림을 1단계와 같은 설정으로 만들고 ACTIVE가 되면 이 단계를 다시 확인합니다.${now.sandbox ? '' : ` AWS에서는 스트림을 삭제할 때까지 프로비저닝 샤드에 시간당 요금이 부과됩니다(${commandLine('cleanup')}).`}`;
      case 'use-names':
        return `이미 쓰이고 있는 이름 대신 새 이름(${nameList(fix.names)})으로 이 단계를 다시 진행하고, 진행 상황에 저장한 뒤 확인합니다. 내 것이 아닌 리소스는 건드리지 않습니다.`;
      case 'add-shards':
        return `${fix.stream} 스트림의 샤드를 ${fix.from}개에서 ${fix.to}개로 두 배 늘리고(UpdateShardCount), ACTIVE가 되면 이 단계의 프로듀서를 다시 실행합니다: 초당 ${fix.to} × 1,000개.${now.sandbox ? '' : ` AWS에서는 스트림을 삭제할 때까지 샤드마다 시간당 요금이 부과됩니다(${commandLine('cleanup')}).`}`;
    }
  },
  fixWaiting: (left) => `${left}초 뒤에 다시 확인합니다`,
  fixApplying: (fix) => {
    switch (fix.type) {
      case 'switch-region':
        return `실습 리전을 ${fix.region} 리전으로 바꾸는 중`;
      case 'switch-stream':
        return `실습 스트림을 ${fix.stream} 스트림으로 바꾸는 중`;
      case 'wait-and-retry':
        return `${seconds(fix.delayMs)}초 기다리는 중`;
      case 'create-stream':
        return `${fix.stream} 스트림을 만드는 중`;
      case 'use-names':
        return `새 이름(${nameList(fix.names)})으로 단계를 다시 진행하는 중`;
      case 'add-shards':
        return `${fix.stream} 스트림을 샤드 ${fix.to}개로 늘리는 중`;
    }
  },
  fixDone: (fix, from) => {
    switch (fix.type) {
      case 'switch-region':
        return `이제 실습은 ${fix.region} 리전을 씁니다(이전: ${from.region}). 저장되었으므로 다음 실행에도 이 리전을 씁니다(--region 옵션을 주면 그 리전을 씁니다).`;
      case 'switch-stream':
        return `이제 실습은 "${fix.stream}" 스트림을 씁니다(이전: "${from.stream}"). 저장되었으므로 다음 실행에도 이 스트림을 씁니다(--stream 옵션을 주면 그 스트림을 씁니다).`;
      case 'wait-and-retry':
        return `${seconds(fix.delayMs)}초 기다린 뒤 다시 확인했습니다.`;
      case 'create-stream':
        return `${fix.stream} 스트림을 만들고 다시 확인했습니다.`;
      case 'use-names':
        return `이제 이 단계는 다음 이름을 씁니다: ${nameList(fix.names)}. 저장되었으므로 다음 실행에도 이 이름을 씁니다.`;
      case 'add-shards':
        return `${fix.stream} 스트림의 샤드가 이제 ${fix.to}개입니다(이전: ${fix.from}개). 프로듀서를 다시 실행하고 단계를 확인했습니다.`;
    }
  },
  chooseMode: 'd를 누르면 kinesis-lab이 이 단계를 대신 진행하고, m을 누르면 직접 진행합니다.',
  manualWaiting: '콘솔, AWS CLI 또는 직접 만든 스크립트로 진행하세요(s를 누르면 명령이 보입니다). 다 되면 c를 누르세요. kinesis-lab이 확인합니다.',
  acting: '진행 중',
  checking: '확인 중',
  elapsed: (s) => `${s.toFixed(0)}초`,
  streamStatus: (status) => `스트림 상태: ${status}`,
  passed: '확인 통과',
  failed: '확인 실패',
  whatWeLookedAt: '확인한 내용',
  whatToDo: '해결 방법',
  hint: (n, total) => `힌트 ${n}/${total}`,
  noHints: '이 단계에는 힌트가 없습니다.',
  codeTitle: '같은 작업을 직접 하려면',
  codeTabs: { cli: 'AWS CLI', typescript: 'TypeScript', python: 'Python (boto3)' },
  codeTabKey: 'Tab ⇥',
  producerTitle: (api) => `프로듀서 · ${api}`,
  producerCounters: (sent, failed, retried, rate) => `전송 ${sent} · 실패 ${failed} · 재시도 ${retried} · 초당 ${rate.toFixed(0)}개`,
  producerLogHeader: '요청 ID                                HTTP  샤드                  시퀀스 번호',
  producerStopping: '진행 중인 요청을 마치고 멈춥니다…',
  producerThrottled: (records) => `스로틀링 ${records}회 (샤드가 초당 1,000개 또는 1 MiB를 넘게 받아, 간격을 두고 재시도)`,
  compareTitle: '이번 세션에서 측정한 속도',
  compareRow: (api, rate) => `${api.padEnd(11)} ${rate === undefined ? '—' : `초당 ${rate.toFixed(0)}개`}`,
  compareGain: (times) => `여기서는 PutRecords가 ${times.toFixed(1)}배 빠릅니다`,
  compareBoundPutRecord: (ms) => `PutRecord: 레코드마다 왕복 한 번, 여기서는 한 번에 ${ms < 10 ? ms.toFixed(1) : ms.toFixed(0)}ms.`,
  compareBoundPutRecords: 'PutRecords: 샤드가 한계, 샤드당 초당 1,000개·1 MiB (AWS와 같음).',
  compareOnAws: 'AWS에서 같은 리전의 Cloud9/CloudShell로는 왕복에 수십 ms: PutRecord는 초당 수십 개, PutRecords는 그래도 샤드 한도까지.',
  notMeasured: '아직 측정 전',
  comingNextBody: '이 단계는 다음 릴리스에 추가됩니다. 미리 읽어 두면 무엇을 보게 될지 알 수 있습니다.',
  labComplete: '실습 완료: 모든 단계를 통과했습니다.',
  completionSummary: (steps, records, minutes) => `통과한 단계 ${steps}개 · 보낸 레코드 ${records}개 · ${minutes.toFixed(0)}분`,
  resumed: (step) => `다시 오셨네요. ${step} 단계부터 이어서 진행합니다.`,
  quitHint: '진행 상황은 저장되었습니다. 같은 명령을 다시 실행하면 이어서 할 수 있습니다.',
  switchedResume: (command) => `이번 실행에서 실습 리전이나 스트림을 바꿨습니다. --region, --stream 옵션을 주면 그 값으로 돌아갑니다. 지금 상태에서 이어서 하려면: ${command}`,
  askRegion: '실습에 사용할 AWS 리전을 입력하세요(예: ap-northeast-2, us-east-1): ',
  askRegionInvalid: (value) => `입력한 값("${value}")은 ap-northeast-2 같은 리전 이름이 아닙니다.`,
  sandboxStarting: '샌드박스를 시작하는 중…',
  startingSandbox: '로컬 샌드박스와 AWS SDK 클라이언트를 시작하는 중…',
  startingAws: 'AWS SDK 클라이언트를 불러오는 중…',
  sandboxReady: (url) => `샌드박스 준비 완료: ${url}`,
  sandboxPaste: '다른 터미널에 아래 줄을 붙여 넣으면 AWS CLI, boto3, 직접 만든 스크립트가 이 샌드박스를 사용합니다:',
  sandboxStop: '샌드박스를 멈추려면 Ctrl+C를 누르세요.',
  sandboxExposed: (host) => `주의: 샌드박스가 ${host}에서 대기 중이라 다른 컴퓨터에서도 접속할 수 있습니다. 인증이 없으니 믿을 수 있는 네트워크에서만 사용하세요.`,
  sandboxLimitsOff: 'AWS 한도가 꺼져 있습니다(--limits off): 여기서는 아무것도 스로틀링되지 않지만, AWS는 샤드당 쓰기 초당 레코드 1,000개·1 MiB, 읽기 초당 5회·2 MiB, 관리용 API는 초당 몇 회까지만 받습니다.',
  checkLine: (step, ok, summary) => `${ok ? '통과' : '실패'} ${step}: ${summary}`,
  plainStep: (n, total, title) => `${n}/${total}단계: ${title}`,
  plainStopAt: (step) => `${step} 단계에서 멈췄습니다. 문제를 해결한 뒤 같은 명령을 다시 실행하세요. 진행 상황은 저장되어 있습니다.`,
  plainSolve: (command) => `kinesis-lab이 이 단계를 대신 진행하게 하려면: ${command}`,
  plainByHand: '직접 하려면, 예를 들어 AWS CLI로:',
  regionSources: { flag: '--region', AWS_REGION: 'AWS_REGION', AWS_DEFAULT_REGION: 'AWS_DEFAULT_REGION', profile: '프로필', 'instance-metadata': '인스턴스 메타데이터', 'saved-progress': '저장된 진행 상황', 'sandbox-default': '샌드박스 기본값', asked: '직접 선택', switched: '해결 방법으로 바꿈' },
  keyResult: '결과 전체',
  keyTab: '언어',
  keyWrite: '코드 파일 저장',
  keyBack: '돌아가기',
  keyLines: '스크롤',
  moreBelow: (n) => `↓ 아래에 ${n}줄 더 (↑↓ PgUp PgDn)`,
  moreAbove: (n) => `↑ 위에 ${n}줄`,
  moreResult: (n) => `… ${n}줄 더 있습니다: r을 누르면 결과 전체를 봅니다`,
  resultTitle: '결과 전체 (↑↓ 스크롤, r 또는 Esc 돌아가기)',
  tooSmall: (c, r, minC, minR) => `터미널 크기가 ${c}×${r}입니다. 확인 결과와 해결 방법이 늘 보이려면 ${minC}×${minR} 이상이어야 합니다. 창을 키우거나 글꼴을 줄이세요. q를 누르면 종료합니다.`,
  producerBatch: (records, failed) => `레코드 ${records}개, 실패 ${failed}개`,
  sandboxPasteTitle: '# 샌드박스에서는 새 터미널에 먼저 아래 줄을 붙여 넣으세요(주소, 키, 리전):',
  codeWritten: (dir, files) => `${dir}에 저장했습니다: ${files.join(', ')}. 파일마다 첫 줄에 실행 방법이 있습니다.`,
  codeUnchanged: (dir) => `${dir}의 파일이 이미 최신입니다.`,
  codeAskOverwrite: (files) => `실습이 저장한 뒤 ${files.join(', ')} 파일을 고치셨습니다. 이 단계의 코드로 바꿀까요? y 바꾸기, n 그대로 두기.`,
  codeKept: (files) => `고치신 ${files.join(', ')} 파일을 그대로 두었습니다.`,
  codeWriteFailed: (message) => `코드를 저장하지 못했습니다: ${message}`,
  keyOverwrite: '바꾸기',
  keyKeep: '그대로 두기',
};

export function messages(lang: Lang): Messages {
  return lang === 'ko' ? ko : en;
}

export const CATALOGS: Readonly<Record<Lang, Messages>> = { en, ko };

/** A fix's delay in whole seconds, at least 1 (a 500 ms wait still reads "1 s"). */
function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** The names a use-names fix gives, as `role input-stream-pipe-role-2, pipe input-stream-pipe-2`. */
function nameList(names: Record<string, string>): string {
  return Object.values(names).join(', ');
}
