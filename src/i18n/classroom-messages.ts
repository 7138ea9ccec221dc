import { formatDuration } from './format-duration.js';
import { commandLine } from './command-line.js';
import type { Lang, Localized } from './lang.js';

/**
 * Texts of the self-paced and classroom commands: reset, report, the completion summary, cleanup,
 * the class board and the room sandbox. Same rules as messages.ts: both languages typed by one
 * interface, checked for emptiness and Hangul by messages.test.ts.
 */
export interface ClassroomMessages {
  yesNo: string;
  /** A duration in this language's units: `1m 02s`, `1분 02초`. */
  duration: (ms: number) => string;
  notChanged: string;
  needsYes: (command: string) => string;
  // reset
  resetConfirmAll: (target: string) => string;
  resetConfirmStep: (step: string) => string;
  /** `again`: the command that starts the lab afresh; `cleanup`: the one that deletes what it made. */
  resetDoneAll: (backup: string, again: string, cleanup: string) => string;
  resetDoneStep: (step: string) => string;
  resetNothing: string;
  progressElsewhere: (target: string) => string;
  // report and the completion summary
  reportTitle: (title: string) => string;
  reportWhere: (stream: string, region: string, target: string) => string;
  reportStep: (n: number, title: string, status: string, detail: string) => string;
  reportAttempts: (attempts: number) => string;
  reportTook: (duration: string) => string;
  reportLastError: (kind: string) => string;
  reportRecords: (total: number, putRecord: number, putRecords: number) => string;
  reportBuilt: (kind: string, name: string, region: string) => string;
  reportNothingBuilt: string;
  /** With a look at the world: the records in the stream, by the lab and by the learner's own scripts. */
  reportRecordsSeen: (total: number, byLab: number, putRecord: number, putRecords: number, byScripts: number, where: string) => string;
  reportCountedIn: (stream: string) => string;
  reportCountedByCloudWatch: string;
  reportExists: (kind: string, name: string, region: string) => string;
  reportNothingExists: string;
  reportNotLooked: (why: string) => string;
  reportTotal: (duration: string) => string;
  reportComplete: string;
  /** `start`: the command that starts the lab on this target. */
  reportNoProgress: (start: string) => string;
  summaryTitle: string;
  summaryCleanupHint: (cleanup: string) => string;
  summaryLine: (records: number, duration: string) => string;
  summaryStepTimes: string;
  summaryQuitAws: string;
  summaryQuitSandbox: string;
  // cleanup
  cleanupSearching: (labId: string, regions: string) => string;
  cleanupNothing: string;
  cleanupFound: (count: number) => string;
  cleanupItem: (kind: string, name: string, region: string, detail: string) => string;
  cleanupShards: (shards: number) => string;
  cleanupOnDemand: string;
  cleanupConfirm: (count: number) => string;
  /** `command`: the same cleanup without --dry-run. */
  cleanupDryRun: (command: string) => string;
  cleanupDeleting: (kind: string, name: string, region: string) => string;
  cleanupDeleted: (kind: string, name: string, region: string) => string;
  cleanupFailed: (kind: string, name: string, region: string, why: string) => string;
  cleanupStopped: (shardHoursPerHour: number, onDemandStreams: number) => string;
  /** A dry run: what deleting would stop being charged (nothing was deleted). */
  cleanupWouldStop: (shardHoursPerHour: number, onDemandStreams: number) => string;
  cleanupGap: (kind: string, region: string, why: string) => string;
  cleanupSafety: (labId: string) => string;
  /** `cleanup`: the same cleanup command, to run again. */
  cleanupNoSearch: (cleanup: string) => string;
  cleanupNothingWhereSearched: (failed: number, cleanup: string) => string;
  cleanupUnconfirmed: (count: number, legacyTag: string) => string;
  cleanupUnconfirmedAsk: string;
  cleanupUnconfirmedLeft: (cleanup: string) => string;
  cleanupInterrupted: (cleanup: string) => string;
  ownerIdReplaced: (backup: string, salvaged: boolean) => string;
  /** Resources with the lab's names the lab did not tag: listed with the command that deletes each, never deleted. */
  cleanupNothingOwned: string;
  cleanupLeftAloneTitle: string;
  cleanupLeftAloneItem: (kind: string, name: string, region: string, cost: string) => string;
  cleanupLeftAloneCommand: (command: string) => string;
  costShardHours: (shards: number) => string;
  costOnDemand: string;
  costPipe: string;
  costRole: string;
  costLogGroup: string;
  exitStillRunning: (count: number, shardHoursPerHour: number) => string;
  exitOfferCleanup: string;
  // class
  classCreated: (stream: string, region: string) => string;
  classReused: (stream: string, region: string) => string;
  classPolicy: (who: string) => string;
  classPolicyAccounts: (accounts: string) => string;
  classPolicyOrg: (org: string) => string;
  classJoinHeader: string;
  classBoardHeader: string;
  classTaken: (stream: string) => string;
  classDeleteConfirm: (stream: string, region: string) => string;
  classDeleted: (stream: string, shards: number) => string;
  classMissing: (stream: string, region: string) => string;
  classDeleteHint: string;
  classNeedsName: string;
  classWaiting: (count: number) => string;
  classEndpointLoopback: (endpoint: string) => string;
  /** class create on a room sandbox: the class stream's resource policy. */
  classRoomPolicy: string;
  /** class create on a room sandbox: every learner signs with a key of their own. */
  classRoomAccounts: string;
  /** class create on AWS with a stream name that has no short code. */
  classLongCode: (stream: string) => string;
  /** class create on a sandbox the room cannot reach (it listens on loopback only). */
  classRoomUnreachable: (endpoint: string) => string;
  classNeedsCode: (action: string) => string;
  // joining a class: --class and what the room sandbox answers
  classCodeMistyped: (code: string) => string;
  classCodeLookAlike: (code: string) => string;
  classCodeNotACode: (code: string) => string;
  classCodeNoClass: (code: string) => string;
  classAddressBad: (text: string) => string;
  classLegacyRoom: string;
  classLegacyDamaged: string;
  classNeedsAddress: (code: string) => string;
  classNoSuch: (code: string, endpoint: string) => string;
  classEnded: (code: string) => string;
  classUnreachable: (endpoint: string, error: string) => string;
  classNoAnswer: (endpoint: string, afterMs: number) => string;
  classNotSandbox: (endpoint: string) => string;
  classWithSandbox: string;
  boardTitle: (stream: string, learners: number) => string;
  boardColumns: { name: string; step: string; time: string; status: string; error: string };
  boardSteps: string;
  boardCounts: (working: number, stuck: number, done: number) => string;
  boardEmpty: string;
  boardError: (why: string) => string;
  /** `class board --once`: it does not try again. */
  boardErrorOnce: (why: string) => string;
  /** The class stream is not there (deleted with class delete, or another region). */
  boardMissing: (stream: string) => string;
  boardKeys: string;
  classStatus: Record<'joined' | 'in-progress' | 'passed' | 'failed' | 'left', string>;
  boardStuck: string;
  // room sandbox
  sandboxRoomUrls: string;
  sandboxNoLan: string;
}

const en: ClassroomMessages = {
  yesNo: ' [y/N] ',
  duration: (ms) => formatDuration(ms),
  notChanged: 'Nothing changed.',
  needsYes: (command) => `${command} changes things and there is no terminal to ask: add --yes to go ahead`,
  resetConfirmAll: (target) => `Forget all saved progress of this lab (${target})? Resources on AWS are not touched.`,
  resetConfirmStep: (step) => `Start step ${step} over? Its saved result is forgotten; resources on AWS are not touched.`,
  resetDoneAll: (backup, again, cleanup) => `Progress forgotten; a copy is kept at ${backup}. Run ${again} to start again. Nothing on AWS was deleted (${cleanup} does that).`,
  resetDoneStep: (step) => `Step ${step} starts over next time you run ${commandLine()}.`,
  resetNothing: 'No saved progress here; nothing to reset.',
  progressElsewhere: (target) => target === 'sandbox' ? 'Your saved progress is from the sandbox: add --sandbox (or the same --endpoint-url as before).' : 'Your saved progress is from real AWS: run it without --sandbox or --endpoint-url.',
  reportTitle: (title) => `Report: ${title}`,
  reportWhere: (stream, region, target) => `Stream ${stream} in ${region} (${target})`,
  reportStep: (n, title, status, detail) => `${n}. ${title}: ${status}${detail ? ` (${detail})` : ''}`,
  reportAttempts: (attempts) => `${attempts} ${attempts === 1 ? 'check' : 'checks'}`,
  reportTook: (duration) => `took ${duration}`,
  reportLastError: (kind) => `last error: ${kind}`,
  reportRecords: (total, putRecord, putRecords) => `Records sent: ${total} (PutRecord ${putRecord}, PutRecords ${putRecords})`,
  reportBuilt: (kind, name, region) => `Built: ${enKind(kind)} ${name} in ${region}`,
  reportNothingBuilt: 'Built: nothing yet',
  reportRecordsSeen: (total, byLab, putRecord, putRecords, byScripts, where) =>
    `Records sent: ${total} (${byLab} by the lab: PutRecord ${putRecord}, PutRecords ${putRecords}; ${byScripts} by your own scripts, counted ${where})`,
  reportCountedIn: (stream) => `in ${stream}`,
  reportCountedByCloudWatch: "by CloudWatch's IncomingRecords",
  reportExists: (kind, name, region) => `Exists now: ${enKind(kind)} ${name} (${region})`,
  reportNothingExists: 'Exists now: nothing with the lab\'s names',
  reportNotLooked: (why) => `Could not look at what exists now (${why}); these lines come from your saved progress.`,
  reportTotal: (duration) => `Time on passed steps: ${duration}`,
  reportComplete: 'Every step passed.',
  reportNoProgress: (start) => `No saved progress yet. Start the lab with: ${start}`,
  summaryTitle: 'What you did',
  summaryCleanupHint: (cleanup) => `Done for today? ${cleanup} deletes what the lab created.`,
  summaryLine: (records, duration) => `Records sent: ${records} · time on the steps: ${duration}`,
  summaryStepTimes: 'Time per step',
  summaryQuitAws: 'Press q to finish: kinesis-lab then lists what still runs (and costs) on AWS and offers to delete it.',
  get summaryQuitSandbox() {
    return `Press q to finish. Nothing on the sandbox costs money; ${commandLine('report --sandbox')} shows this summary again.`;
  },
  cleanupSearching: (labId, regions) => `Looking for resources tagged kinesis-lab=${labId} in ${regions}…`,
  cleanupNothing: 'Nothing to clean up: the lab has nothing left running here.',
  cleanupFound: (count) => `The lab created ${count} ${count === 1 ? 'resource' : 'resources'} that still ${count === 1 ? 'exists' : 'exist'}:`,
  cleanupItem: (kind, name, region, detail) => `  - ${enKind(kind)} ${name} (${region})${detail ? `, ${detail}` : ''}`,
  cleanupShards: (shards) => `${shards} open ${shards === 1 ? 'shard' : 'shards'}`,
  cleanupOnDemand: 'on-demand',
  cleanupConfirm: (count) => `Delete ${count === 1 ? 'it' : `these ${count}`}?`,
  cleanupDryRun: (command) => `Dry run: nothing was deleted. To delete them, run: ${command}`,
  cleanupDeleting: (kind, name, region) => `Deleting ${enKind(kind)} ${name} (${region}) and waiting until it is gone…`,
  cleanupDeleted: (kind, name, region) => `Deleted ${enKind(kind)} ${name} (${region}).`,
  cleanupFailed: (kind, name, region, why) => `Could not delete ${enKind(kind)} ${name} (${region}): ${why}`,
  cleanupStopped: (shardHoursPerHour, onDemandStreams) =>
    `This stops ${shardHoursPerHour} shard-${shardHoursPerHour === 1 ? 'hour' : 'hours'} per hour${onDemandStreams > 0 ? ` and ${onDemandStreams} on-demand stream-${onDemandStreams === 1 ? 'hour' : 'hours'} per hour` : ''}.`,
  cleanupWouldStop: (shardHoursPerHour, onDemandStreams) =>
    `Deleting them would stop ${shardHoursPerHour} shard-${shardHoursPerHour === 1 ? 'hour' : 'hours'} per hour${onDemandStreams > 0 ? ` and ${onDemandStreams} on-demand stream-${onDemandStreams === 1 ? 'hour' : 'hours'} per hour` : ''} from being charged.`,
  cleanupGap: (kind, region, why) => `Could not look for ${enKind(kind)} resources in ${region} (${why}); run cleanup again once that is fixed.`,
  cleanupSafety: (labId) => `Only resources tagged kinesis-lab=${labId} are deleted; a stream with the same name made another way is left alone.`,
  cleanupNoSearch: (cleanup) => `Cleanup could not search anywhere (see above), so it cannot tell what the lab left running. Fix that and run ${cleanup} again.`,
  cleanupNothingWhereSearched: (failed, cleanup) =>
    `Nothing of the lab's was found where cleanup could look, but ${failed} ${failed === 1 ? 'search' : 'searches'} failed (above), so something may still be there. Run ${cleanup} again once that is fixed.`,
  cleanupUnconfirmed: (count, legacyTag) =>
    `${count} ${count === 1 ? 'resource carries' : 'resources carry'} the older tag kinesis-lab=${legacyTag} without an owner id, and nothing in this install's progress says it made ${count === 1 ? 'it' : 'them'}; ${count === 1 ? 'it' : 'they'} may be another learner's:`,
  cleanupUnconfirmedAsk: 'Are these yours? Delete them too?',
  cleanupUnconfirmedLeft: (cleanup) => `Those are left alone. If they are yours, run ${cleanup} in a terminal and say so, or delete them by hand.`,
  cleanupInterrupted: (cleanup) => `Cleanup was stopped: what is listed above as deleted is gone; the rest is still there. Run ${cleanup} again to finish.`,
  ownerIdReplaced: (backup, salvaged) =>
    `The file that names this install (owner-id) was damaged. It was kept as ${backup} and a new id was made; the lab tags new resources with it.${salvaged ? ' The old id could still be read from it, so cleanup looks for what it tagged too.' : ' Cleanup still looks for the tags this install remembers using.'}`,
  cleanupNothingOwned: 'Nothing the lab created is left here.',
  cleanupLeftAloneTitle: 'Not made by the lab, left alone (cleanup deletes only what the lab tagged):',
  cleanupLeftAloneItem: (kind, name, region, cost) => `  - ${enKind(kind)} ${name} (${region})${cost ? `: ${cost}` : ''}`,
  cleanupLeftAloneCommand: (command) => `    to delete it yourself: ${command}`,
  costShardHours: (shards) => `billed ${shards} shard-${shards === 1 ? 'hour' : 'hours'} per hour while it exists`,
  costOnDemand: 'billed one on-demand stream-hour per hour while it exists, plus the data it takes in',
  costPipe: 'no hourly charge; billed per request while it runs',
  costRole: 'no charge',
  costLogGroup: 'no hourly charge; billed for the data it stores',
  exitStillRunning: (count, shardHoursPerHour) =>
    `The lab left ${count} ${count === 1 ? 'resource' : 'resources'} running on AWS (${shardHoursPerHour} shard-${shardHoursPerHour === 1 ? 'hour' : 'hours'} per hour, billed until deleted).`,
  exitOfferCleanup: 'Delete them now?',
  classCreated: (stream, region) => `Created the class progress stream ${stream} in ${region}.`,
  classReused: (stream, region) => `The class progress stream ${stream} in ${region} already exists; using it.`,
  classPolicy: (who) => `Its resource policy lets ${who} put records on it, and nothing else.`,
  classPolicyAccounts: (accounts) => `the accounts ${accounts}`,
  classPolicyOrg: (org) => `every account in the organization ${org}`,
  classJoinHeader: 'Learners join with:',
  classBoardHeader: 'Watch the room with:',
  classTaken: (stream) => `A stream named ${stream} exists and was not made by ${commandLine('class create')}; choose another with --class-stream NAME.`,
  classDeleteConfirm: (stream, region) => `Delete the class progress stream ${stream} in ${region}? The board's history goes with it.`,
  classDeleted: (stream, shards) => `Deleted the class progress stream ${stream}; this stops ${shards} shard-${shards === 1 ? 'hour' : 'hours'} per hour.`,
  classMissing: (stream, region) => `There is no class progress stream ${stream} in ${region}; nothing to delete.`,
  get classDeleteHint() {
    return `After class, delete the stream with: ${commandLine('class delete')}`;
  },
  classNeedsName: '--class needs --name with the name the instructor sees, e.g. --name "Mina Kim"',
  classWaiting: (count) => `${count} class progress ${count === 1 ? 'event is' : 'events are'} waiting to be sent; ${count === 1 ? 'it goes' : 'they go'} out the next time you run ${commandLine()} with --class.`,
  classEndpointLoopback: (endpoint) => `The class endpoint ${endpoint} only works on this machine; for a room, serve the sandbox with ${commandLine('sandbox --host 0.0.0.0')} and pass its LAN address with --endpoint-url.`,
  classRoomPolicy: "Its resource policy lets every account on this sandbox put records on it, and nothing else: each learner is an account of their own here, as at a workshop where everyone has an AWS account.",
  classRoomAccounts: "Each learner's lab signs with a key of its own (from the code and their install), so nobody's checks, cleanup or pipe see anybody else's work.",
  classLongCode: (stream) => `A stream named ${stream} has no short code; learners need the long one below. For a short code, name the class stream kinesis-lab-class or kinesis-lab-class-N (N up to 255).`,
  classRoomUnreachable: (endpoint) => `The sandbox at ${endpoint} listens on this machine only, so the room cannot reach it: start it with ${commandLine('sandbox --host 0.0.0.0')} and run class create again.`,
  classNeedsCode: (action) => `class ${action} needs the class code (${commandLine(`class ${action} CODE`)}, with the room sandbox's address in front as class create printed it), or run class create first`,
  classCodeMistyped: (code) => `no such class "${code}": a character is mistyped (the code's last character checks the others); compare it with the instructor's screen`,
  classCodeLookAlike: (code) => `no such class "${code}": class codes never contain 0, O, 1, I or L; compare it with the instructor's screen`,
  classCodeNotACode: (code) => `"${code}" is not a class code: a code has 8 letters and digits on a room sandbox (192.168.1.20:4567/K7QM-R3XP) or 12 on AWS (X7KQ-M3PW-R9TZ)`,
  classCodeNoClass: (code) => `no such class "${code}"; compare it with the instructor's screen`,
  classAddressBad: (text) => `"${text}" is not a class address; type the instructor's line as it is, e.g. --class 192.168.1.20:4567/K7QM-R3XP`,
  classLegacyRoom: `this long KL1-… code is from an older kinesis-lab and would put every learner in one account; ask the instructor for the short code (${commandLine('class create')} prints it)`,
  classLegacyDamaged: 'this KL1-… code is cut off or mistyped; copy the whole code the instructor printed',
  classNeedsAddress: (code) => `${code} is a class on a room sandbox: give its address too, as the instructor's line shows (--class 192.168.1.20:4567/${code})`,
  classNoSuch: (code, endpoint) => `no such class ${code} on the sandbox at ${endpoint}; compare the code with the instructor's screen`,
  classEnded: (code) => `class ${code} has ended: its class stream was deleted (${commandLine('class delete')})`,
  classUnreachable: (endpoint, error) => `cannot reach the class's sandbox at ${endpoint} (${error}); check the address on the instructor's screen, that this computer is on the room's network, and that the sandbox still runs`,
  classNoAnswer: (endpoint, afterMs) => `the class's sandbox at ${endpoint} did not answer in ${afterMs / 1000} s; check the address on the instructor's screen and that the sandbox still runs`,
  classNotSandbox: (endpoint) => `${endpoint} answered, but it is not a kinesis-lab sandbox; check the address on the instructor's screen`,
  classWithSandbox: "--class joins the class on the instructor's sandbox: drop --sandbox",
  boardTitle: (stream, learners) => `Class board: ${stream}, ${learners} ${learners === 1 ? 'learner' : 'learners'}`,
  boardColumns: { name: 'Learner', step: 'Step', time: 'On it', status: 'Status', error: 'Last error' },
  boardSteps: 'Per step (working / stuck / done)',
  boardCounts: (working, stuck, done) => `${working} working, ${stuck} stuck, ${done} done`,
  boardEmpty: 'No learners yet. Their rows appear when they start with the join command.',
  boardError: (why) => `Cannot read the class stream: ${sentence(why)} Trying again…`,
  boardErrorOnce: (why) => `Cannot read the class stream: ${sentence(why)}`,
  boardMissing: (stream) => `The class stream ${stream} does not exist (${commandLine('class delete')} removes it; check --region and the join code).`,
  boardKeys: 'q quit',
  classStatus: { joined: 'joined', 'in-progress': 'working', passed: 'passed', failed: 'failing', left: 'left' },
  boardStuck: 'stuck',
  sandboxRoomUrls: 'Learners in the room use one of these addresses:',
  sandboxNoLan: 'No network address found besides loopback; learners on other machines cannot reach this sandbox.',
};

const ko: ClassroomMessages = {
  yesNo: ' [y/N] ',
  duration: (ms) => formatDuration(ms, { h: '시간', m: '분', s: '초' }),
  notChanged: '아무것도 바꾸지 않았습니다.',
  needsYes: (command) => `${command} 명령은 상태를 바꾸는데 확인을 물어볼 터미널이 없습니다. 진행하려면 --yes를 붙이세요`,
  resetConfirmAll: (target) => `이 실습의 저장된 진행 상황(${target})을 모두 지울까요? AWS 리소스는 건드리지 않습니다.`,
  resetConfirmStep: (step) => `${step} 단계를 처음부터 다시 할까요? 저장된 결과만 지우고 AWS 리소스는 건드리지 않습니다.`,
  resetDoneAll: (backup, again, cleanup) => `진행 상황을 지웠습니다. 사본은 ${backup}에 있습니다. ${again} 명령을 실행하면 처음부터 시작합니다. AWS에서는 아무것도 삭제하지 않았습니다(삭제는 ${cleanup} 명령).`,
  resetDoneStep: (step) => `다음에 ${commandLine()} 명령을 실행하면 ${step} 단계를 처음부터 시작합니다.`,
  resetNothing: '저장된 진행 상황이 없어 초기화할 것이 없습니다.',
  progressElsewhere: (target) => target === 'sandbox' ? '저장된 진행 상황은 샌드박스에서 한 것입니다. --sandbox(또는 전에 쓴 --endpoint-url)를 붙이세요.' : '저장된 진행 상황은 실제 AWS에서 한 것입니다. --sandbox나 --endpoint-url 없이 실행하세요.',
  reportTitle: (title) => `진행 보고서: ${title}`,
  reportWhere: (stream, region, target) => `스트림 ${stream}, 리전 ${region} (${target})`,
  reportStep: (n, title, status, detail) => `${n}. ${title}: ${status}${detail ? ` (${detail})` : ''}`,
  reportAttempts: (attempts) => `확인 ${attempts}회`,
  reportTook: (duration) => `걸린 시간 ${duration}`,
  reportLastError: (kind) => `마지막 오류: ${kind}`,
  reportRecords: (total, putRecord, putRecords) => `보낸 레코드: ${total}개 (PutRecord ${putRecord}개, PutRecords ${putRecords}개)`,
  reportBuilt: (kind, name, region) => `만든 리소스: ${koKind(kind)} ${name} (${region})`,
  reportNothingBuilt: '만든 리소스: 아직 없음',
  reportRecordsSeen: (total, byLab, putRecord, putRecords, byScripts, where) =>
    `보낸 레코드: ${total}개 (실습이 ${byLab}개: PutRecord ${putRecord}개, PutRecords ${putRecords}개 · 직접 만든 스크립트가 ${byScripts}개, ${where} 셈)`,
  reportCountedIn: (stream) => `${stream}에서`,
  reportCountedByCloudWatch: 'CloudWatch의 IncomingRecords로',
  reportExists: (kind, name, region) => `지금 있는 리소스: ${koKind(kind)} ${name} (${region})`,
  reportNothingExists: '지금 있는 리소스: 실습 이름으로 된 것 없음',
  reportNotLooked: (why) => `지금 무엇이 있는지 볼 수 없어(${why}) 위 내용은 저장된 진행 상황에서 가져왔습니다.`,
  reportTotal: (duration) => `통과한 단계에 쓴 시간: ${duration}`,
  reportComplete: '모든 단계를 통과했습니다.',
  reportNoProgress: (start) => `저장된 진행 상황이 아직 없습니다. 실습 시작: ${start}`,
  summaryTitle: '이번 실습에서 한 일',
  summaryCleanupHint: (cleanup) => `오늘은 여기까지인가요? ${cleanup} 명령이 실습에서 만든 리소스를 삭제합니다.`,
  summaryLine: (records, duration) => `보낸 레코드 ${records}개 · 단계에 쓴 시간 ${duration}`,
  summaryStepTimes: '단계별 시간',
  summaryQuitAws: 'q를 누르면 끝납니다. 그다음 AWS에서 아직 실행 중인(요금이 나가는) 리소스를 보여 주고 삭제할지 묻습니다.',
  get summaryQuitSandbox() {
    return `q를 누르면 끝납니다. 샌드박스에서는 요금이 나가지 않으며, ${commandLine('report --sandbox')} 명령으로 이 요약을 다시 볼 수 있습니다.`;
  },
  cleanupSearching: (labId, regions) => `${regions}에서 kinesis-lab=${labId} 태그가 붙은 리소스를 찾는 중…`,
  cleanupNothing: '정리할 것이 없습니다. 실습이 만든 리소스 중 남아 있는 것이 없습니다.',
  cleanupFound: (count) => `실습이 만든 리소스 중 ${count}개가 남아 있습니다:`,
  cleanupItem: (kind, name, region, detail) => `  - ${koKind(kind)} ${name} (${region})${detail ? `, ${detail}` : ''}`,
  cleanupShards: (shards) => `열린 샤드 ${shards}개`,
  cleanupOnDemand: '온디맨드',
  cleanupConfirm: (count) => `${count}개를 삭제할까요?`,
  cleanupDryRun: (command) => `시험 실행이라 아무것도 삭제하지 않았습니다. 삭제하려면 이 명령을 실행하세요: ${command}`,
  cleanupDeleting: (kind, name, region) => `${koKind(kind)} ${name}(${region}) 삭제 중… 없어질 때까지 기다립니다.`,
  cleanupDeleted: (kind, name, region) => `${koKind(kind)} ${name}(${region}) 삭제 완료.`,
  cleanupFailed: (kind, name, region, why) => `${koKind(kind)} ${name}(${region}) 삭제 실패: ${why}`,
  cleanupStopped: (shardHoursPerHour, onDemandStreams) =>
    `이제 시간당 ${shardHoursPerHour} 샤드 시간${onDemandStreams > 0 ? `과 온디맨드 스트림 시간 ${onDemandStreams}` : ''}의 요금이 더 나가지 않습니다.`,
  cleanupWouldStop: (shardHoursPerHour, onDemandStreams) =>
    `삭제하면 시간당 ${shardHoursPerHour} 샤드 시간${onDemandStreams > 0 ? `과 온디맨드 스트림 시간 ${onDemandStreams}` : ''}의 요금이 더 나가지 않습니다.`,
  cleanupGap: (kind, region, why) => `${region}에서 ${koKind(kind)} 리소스를 찾지 못했습니다(${why}). 문제를 해결한 뒤 cleanup을 다시 실행하세요.`,
  cleanupSafety: (labId) => `kinesis-lab=${labId} 태그가 붙은 리소스만 삭제합니다. 다른 방법으로 만든 같은 이름의 스트림은 그대로 둡니다.`,
  cleanupNoSearch: (cleanup) => `cleanup이 어디에서도 찾아보지 못해(위 참고) 실습이 남긴 리소스가 있는지 알 수 없습니다. 문제를 해결한 뒤 ${cleanup} 명령을 다시 실행하세요.`,
  cleanupNothingWhereSearched: (failed, cleanup) =>
    `찾아볼 수 있는 곳에서는 실습이 만든 리소스가 없었지만, ${failed}곳은 찾지 못했습니다(위 참고). 남아 있는 것이 있을 수 있으니 문제를 해결한 뒤 ${cleanup} 명령을 다시 실행하세요.`,
  cleanupUnconfirmed: (count, legacyTag) => `소유자 ID가 없는 예전 태그 kinesis-lab=${legacyTag}가 붙은 리소스 ${count}개가 있고, 이 설치의 진행 기록에는 이것을 만들었다는 내용이 없습니다. 다른 학습자의 것일 수 있습니다:`,
  cleanupUnconfirmedAsk: '내 것이 맞나요? 함께 삭제할까요?',
  cleanupUnconfirmedLeft: (cleanup) => `그 리소스들은 그대로 둡니다. 내 것이라면 터미널에서 ${cleanup} 명령을 실행해 확인하거나 직접 삭제하세요.`,
  cleanupInterrupted: (cleanup) => `cleanup이 중지되었습니다. 위에 삭제했다고 나온 것은 삭제되었고 나머지는 남아 있습니다. 마저 정리하려면 ${cleanup} 명령을 다시 실행하세요.`,
  ownerIdReplaced: (backup, salvaged) =>
    `이 설치를 나타내는 파일(owner-id)이 손상되었습니다. 다른 이름으로 보관하고(${backup}) 새 ID를 만들었으며, 새로 만드는 리소스에는 새 ID로 태그를 붙입니다.${salvaged ? ' 예전 ID를 파일에서 읽을 수 있어 cleanup은 예전 ID로 태그된 리소스도 찾습니다.' : ' cleanup은 이 설치가 썼던 것으로 기억하는 태그도 계속 찾습니다.'}`,
  cleanupNothingOwned: '실습이 만든 것은 여기 남아 있지 않습니다.',
  cleanupLeftAloneTitle: '실습이 만들지 않아 그대로 두는 리소스(정리는 실습이 태그를 붙인 것만 지웁니다):',
  cleanupLeftAloneItem: (kind, name, region, cost) => `  - ${koKind(kind)} ${name} (${region})${cost ? `: ${cost}` : ''}`,
  cleanupLeftAloneCommand: (command) => `    직접 지우려면: ${command}`,
  costShardHours: (shards) => `있는 동안 시간당 샤드 시간 ${shards}개가 과금됩니다`,
  costOnDemand: '있는 동안 시간당 온디맨드 스트림 시간 1개와 받아들이는 데이터만큼 과금됩니다',
  costPipe: '시간당 요금은 없고, 동작하는 동안 요청 수만큼 과금됩니다',
  costRole: '요금 없음',
  costLogGroup: '시간당 요금은 없고, 저장한 데이터만큼 과금됩니다',
  exitStillRunning: (count, shardHoursPerHour) => `실습이 만든 리소스 ${count}개가 AWS에서 아직 실행 중입니다(시간당 ${shardHoursPerHour} 샤드 시간, 삭제할 때까지 요금 발생).`,
  exitOfferCleanup: '지금 삭제할까요?',
  classCreated: (stream, region) => `${region}에 수업 진행 스트림(${stream})을 만들었습니다.`,
  classReused: (stream, region) => `${region}에 수업 진행 스트림(${stream})이 이미 있어 그대로 사용합니다.`,
  classPolicy: (who) => `리소스 정책으로 ${who}만 이 스트림에 레코드를 넣을 수 있고, 그 밖의 작업은 허용하지 않습니다.`,
  classPolicyAccounts: (accounts) => `계정 ${accounts}`,
  classPolicyOrg: (org) => `조직 ${org}의 모든 계정`,
  classJoinHeader: '학습자는 이렇게 참여합니다:',
  classBoardHeader: '강의실 현황 보기:',
  classTaken: (stream) => `${stream} 스트림이 이미 있는데 ${commandLine('class create')} 명령으로 만든 것이 아닙니다. --class-stream NAME으로 다른 이름을 정하세요.`,
  classDeleteConfirm: (stream, region) => `${region}의 수업 진행 스트림(${stream})을 삭제할까요? 현황판 기록도 함께 사라집니다.`,
  classDeleted: (stream, shards) => `수업 진행 스트림(${stream})을 삭제했습니다. 이제 시간당 ${shards} 샤드 시간의 요금이 더 나가지 않습니다.`,
  classMissing: (stream, region) => `${region}에 수업 진행 스트림(${stream})이 없어 삭제할 것이 없습니다.`,
  get classDeleteHint() {
    return `수업이 끝나면 이 명령으로 스트림을 삭제하세요: ${commandLine('class delete')}`;
  },
  classNeedsName: '--class에는 강사에게 보일 이름을 --name으로 함께 주세요. 예: --name "김민아"',
  classWaiting: (count) => `아직 보내지 못한 수업 진행 이벤트가 ${count}개 있습니다. 다음에 --class를 붙여 ${commandLine()} 명령을 실행하면 보냅니다.`,
  classEndpointLoopback: (endpoint) => `수업 엔드포인트(${endpoint})는 이 컴퓨터에서만 쓸 수 있습니다. 강의실에서 쓰려면 ${commandLine('sandbox --host 0.0.0.0')} 명령으로 샌드박스를 열고 그 LAN 주소를 --endpoint-url로 주세요.`,
  classRoomPolicy: '리소스 정책으로 이 샌드박스의 모든 계정이 이 스트림에 레코드를 넣을 수 있고, 그 밖의 일은 할 수 없습니다. 모든 참가자가 AWS 계정을 하나씩 받는 워크숍처럼, 여기서도 학습자마다 계정이 따로 있습니다.',
  classRoomAccounts: '학습자마다 실습이 자기 키(코드와 설치별 ID로 만든 키)로 서명하므로, 검사·정리·파이프가 다른 사람의 작업을 보지 않습니다.',
  classLongCode: (stream) => `${stream} 스트림 이름에는 짧은 코드가 없어 학습자는 아래의 긴 코드를 써야 합니다. 짧은 코드를 쓰려면 수업 스트림 이름을 kinesis-lab-class 또는 kinesis-lab-class-N(N은 255 이하)으로 정하세요.`,
  classRoomUnreachable: (endpoint) => `${endpoint}의 샌드박스는 이 컴퓨터에서만 접속을 받아 강의실에서는 쓸 수 없습니다. ${commandLine('sandbox --host 0.0.0.0')} 명령으로 시작한 뒤 class create를 다시 실행하세요.`,
  classNeedsCode: (action) => `class ${action}에는 수업 코드가 필요합니다(${commandLine(`class ${action} CODE`)}, class create가 출력한 대로 강의실 샌드박스 주소를 앞에 붙여서). 또는 먼저 class create를 실행하세요.`,
  classCodeMistyped: (code) => `"${code}" 수업이 없습니다. 잘못 입력한 글자가 있습니다(코드의 마지막 글자가 나머지를 검사합니다). 강사 화면과 비교해 보세요.`,
  classCodeLookAlike: (code) => `"${code}" 수업이 없습니다. 수업 코드에는 0, O, 1, I, L이 들어가지 않습니다. 강사 화면과 비교해 보세요.`,
  classCodeNotACode: (code) => `입력한 코드("${code}")는 수업 코드가 아닙니다. 코드는 강의실 샌드박스에서는 영문·숫자 8자(192.168.1.20:4567/K7QM-R3XP), AWS에서는 12자(X7KQ-M3PW-R9TZ)입니다.`,
  classCodeNoClass: (code) => `"${code}" 수업이 없습니다. 강사 화면과 비교해 보세요.`,
  classAddressBad: (text) => `입력한 주소("${text}")는 수업 주소가 아닙니다. 강사가 보여 준 줄을 그대로 입력하세요. 예: --class 192.168.1.20:4567/K7QM-R3XP`,
  classLegacyRoom: `이 긴 KL1-… 코드는 이전 버전의 kinesis-lab에서 만든 것으로, 모든 학습자를 한 계정에 넣습니다. 강사에게 짧은 코드를 받으세요(${commandLine('class create')} 명령이 출력합니다).`,
  classLegacyDamaged: '이 KL1-… 코드가 잘렸거나 잘못 입력되었습니다. 강사가 출력한 코드 전체를 복사하세요.',
  classNeedsAddress: (code) => `코드 ${code}는 강의실 샌드박스의 수업입니다. 강사가 보여 준 줄처럼 주소도 함께 주세요(--class 192.168.1.20:4567/${code}).`,
  classNoSuch: (code, endpoint) => `${endpoint}의 샌드박스에 ${code} 수업이 없습니다. 코드를 강사 화면과 비교해 보세요.`,
  classEnded: (code) => `${code} 수업은 끝났습니다. 수업 스트림이 삭제되었습니다(${commandLine('class delete')}).`,
  classUnreachable: (endpoint, error) => `${endpoint}의 수업 샌드박스에 연결할 수 없습니다(${error}). 강사 화면의 주소, 이 컴퓨터가 강의실 네트워크에 연결되어 있는지, 샌드박스가 아직 실행 중인지 확인하세요.`,
  classNoAnswer: (endpoint, afterMs) => `${endpoint}의 수업 샌드박스가 ${afterMs / 1000}초 안에 응답하지 않았습니다. 강사 화면의 주소와 샌드박스가 아직 실행 중인지 확인하세요.`,
  classNotSandbox: (endpoint) => `주소 ${endpoint}에서 응답이 왔지만 kinesis-lab 샌드박스가 아닙니다. 강사 화면의 주소를 확인하세요.`,
  classWithSandbox: '--class는 강사의 샌드박스에서 수업에 참여합니다. --sandbox를 빼세요.',
  boardTitle: (stream, learners) => `수업 현황: ${stream}, 학습자 ${learners}명`,
  boardColumns: { name: '학습자', step: '단계', time: '경과', status: '상태', error: '마지막 오류' },
  boardSteps: '단계별 (진행 중 / 막힘 / 완료)',
  boardCounts: (working, stuck, done) => `진행 중 ${working}명, 막힘 ${stuck}명, 완료 ${done}명`,
  boardEmpty: '아직 참여한 학습자가 없습니다. 참여 명령으로 시작하면 여기에 표시됩니다.',
  boardError: (why) => `수업 스트림을 읽을 수 없습니다: ${sentence(why)} 다시 시도하는 중…`,
  boardErrorOnce: (why) => `수업 스트림을 읽을 수 없습니다: ${sentence(why)}`,
  boardMissing: (stream) => `수업 진행 스트림 ${stream}이 없습니다(${commandLine('class delete')} 명령으로 삭제했거나 리전 또는 참여 코드가 다릅니다).`,
  boardKeys: 'q 종료',
  classStatus: { joined: '참여', 'in-progress': '진행 중', passed: '통과', failed: '실패 중', left: '나감' },
  boardStuck: '막힘',
  sandboxRoomUrls: '강의실의 학습자는 아래 주소 중 하나를 사용하세요:',
  sandboxNoLan: '루프백 외의 네트워크 주소가 없어 다른 컴퓨터의 학습자는 이 샌드박스에 접속할 수 없습니다.',
};

export function classroomMessages(lang: Lang): ClassroomMessages {
  return lang === 'ko' ? ko : en;
}

/** One text of this catalog in every language (a usage error's message, a notice). */
export function classroomText(pick: (t: ClassroomMessages) => string): Localized {
  return { en: pick(en), ko: pick(ko) };
}

export const CLASSROOM_CATALOGS: Readonly<Record<Lang, ClassroomMessages>> = { en, ko };

const KIND_NAMES: Record<string, { en: string; ko: string }> = {
  stream: { en: 'stream', ko: '스트림' },
  pipe: { en: 'pipe', ko: '파이프' },
  'iam-role': { en: 'IAM role', ko: 'IAM 역할' },
  role: { en: 'IAM role', ko: 'IAM 역할' },
  'log-group': { en: 'log group', ko: '로그 그룹' },
};
/** A resource kind as the learner reads it: `iam-role` → IAM role / IAM 역할. */
export function kindName(kind: string): Localized {
  return { en: enKind(kind), ko: koKind(kind) };
}
const enKind = (kind: string): string => KIND_NAMES[kind]?.en ?? kind;
const koKind = (kind: string): string => KIND_NAMES[kind]?.ko ?? kind;

/** An error message as a sentence: one final period, never two ("not found.."). */
function sentence(text: string): string {
  return /[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
