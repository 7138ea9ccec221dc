import type { Lang, Localized } from './lang.js';

/**
 * Texts about the learner's saved progress and how true it is to the world now: files moved aside,
 * saves that failed, records that went to a stream that no longer exists, waiting for CloudWatch.
 * Same rules as messages.ts: both languages typed by one interface, checked by messages.test.ts.
 */
export interface ProgressMessages {
  /** A progress file that could not be read was kept aside; the lab starts fresh. */
  movedAside: (path: string, backup: string, reason: string) => string;
  /** Progress could not be saved; `advice` is one of the `saveAdvice*` texts. */
  saveFailed: (path: string, reason: string, advice: string) => string;
  saveAdviceNoSpace: string;
  saveAdviceReadOnly: (path: string) => string;
  saveAdviceLocked: (pid: string) => string;
  saveAdviceOther: string;
  /** After a producer run whose records were sent but could not be recorded. */
  sentButNotSaved: string;
  /**
   * Records sent earlier went to an older stream of this name; the one there now was created at
   * `createdAt`. Here and below, an optional command (`solve`, `runThere`) replaces the key a fix
   * names in the full-screen lab, for plain output and --json.
   */
  staleRunsRecreated: (records: number, stream: string, from: string, to: string, createdAt: string, solve?: string) => string;
  /** Records sent earlier went to a stream of this name that is not there any more. */
  staleRunsGone: (records: number, stream: string, from: string, to: string, solve?: string) => string;
  /** Step 4's "do it for me" while CloudWatch has not counted everything yet (one progress line). */
  metricsWaiting: (counted: number, sent: number, expectedAt: string, giveUpAt: string) => string;
  metricsAllCounted: (sent: number) => string;
  metricsWaitEnded: (counted: number, sent: number) => string;
  metricsResending: string;
  /** A check found nothing here but the learner's records in the same stream name in another region. */
  recordsInOtherRegion: (stream: string, region: string, other: string, records: string) => string;
  recordsInOtherRegionFix: (region: string, other: string, runThere?: string) => string;
  /** … or in a stream with a similar name in this region. */
  recordsUnderSimilarName: (stream: string, region: string, similar: string, records: string) => string;
  recordsUnderSimilarNameFix: (stream: string, similar: string, runThere?: string) => string;
  /**
   * Step 5: no pipe of the lab's name here, but one in another region or one with a similar name here.
   * Fixes name keys in the full-screen lab; given the commands (`runThere`, `solve`), they name those.
   */
  pipeInOtherRegion: (pipe: string, region: string, others: string) => string;
  pipeInOtherRegionFix: (region: string, other: string, commands?: { runThere: string; solve: string }) => string;
  pipeSimilarHere: (pipe: string, region: string, similar: string) => string;
  pipeSimilarHereFix: (pipe: string, similar: string, solve?: string) => string;
  /** Step 5: the pipe was made before its source stream was created again. */
  pipeOlderThanSource: (pipe: string, stream: string, made: string, again: string) => string;
  pipeOlderThanSourceFix: (solve?: string) => string;
  /** This process uses the embedded sandbox another kinesis-lab serves. */
  sandboxJoined: (pid: string, url: string) => string;
}

const en: ProgressMessages = {
  movedAside: (path, backup, reason) =>
    `Your progress file ${path} could not be read (${reason}). It was kept as ${backup} and the lab starts fresh. To look at it or put it back: mv "${backup}" "${path}"`,
  saveFailed: (path, reason, advice) => `Progress could not be saved to ${path} (${reason}), so this is not remembered. ${advice}`,
  saveAdviceNoSpace: 'Free some disk space, then run the command again.',
  saveAdviceReadOnly: (path) => `Make it writable (chmod u+w "${path}" and its folder), or set KINESIS_LAB_HOME to a folder you can write to, then run the command again.`,
  saveAdviceLocked: (pid) => `Another kinesis-lab (process ${pid}) kept the file locked; if it hangs, stop it, then run the command again.`,
  saveAdviceOther: 'Check that the folder exists and you can write to it (or set KINESIS_LAB_HOME to one you can), then run the command again.',
  sentButNotSaved: 'The records above were sent to the stream; only the lab\'s note of them is missing, so a check that needs this run may not find it.',
  staleRunsRecreated: (records, stream, from, to, createdAt, solve) =>
    `The ${records} record(s) sent earlier (${from}–${to}) went to an older ${stream}, deleted since: the one there now was created at ${createdAt}. They no longer count; ${solve ? `send a fresh sample: ${solve}` : 'press d to send a fresh sample'}.`,
  staleRunsGone: (records, stream, from, to, solve) =>
    `The ${records} record(s) sent earlier (${from}–${to}) went to ${stream}, which is not there any more (deleted, or the sandbox's data is gone). They no longer count; ${solve ? `create the stream and send a fresh sample: ${solve}` : 'press d to create the stream and send a fresh sample'}.`,
  metricsWaiting: (counted, sent, expectedAt, giveUpAt) => `Waiting for CloudWatch to count the ${sent} record(s): ${counted} so far, expected by about ${expectedAt} (the wait ends at ${giveUpAt} at the latest).`,
  metricsAllCounted: (sent) => `CloudWatch counted all ${sent} record(s).`,
  metricsWaitEnded: (counted, sent) => `The wait ended with ${counted} of ${sent} record(s) counted by CloudWatch.`,
  metricsResending: 'CloudWatch did not count them by the latest it should have, so a fresh sample goes out now and the check counts from it.',
  recordsInOtherRegion: (stream, region, other, records) => `No records in ${stream} in ${region}, but ${stream} in ${other} has ${records} record(s).`,
  recordsInOtherRegionFix: (region, other, runThere) =>
    runThere
      ? `Your script sends to ${other}. Send to ${region} instead (AWS_REGION=${region}, or region_name="${region}" in boto3), or run the lab in ${other}: ${runThere}`
      : `Your script sends to ${other}. Press f to switch the lab to ${other}, or send to ${region} instead (AWS_REGION=${region}, or region_name="${region}" in boto3).`,
  recordsUnderSimilarName: (stream, region, similar, records) => `No records in ${stream}, but "${similar}" in ${region} has ${records} record(s).`,
  recordsUnderSimilarNameFix: (stream, similar, runThere) =>
    runThere
      ? `Your script probably writes to "${similar}". Use StreamName "${stream}" in your script and send again, or run the lab on that stream: ${runThere}`
      : `Your script probably writes to "${similar}". Press f to switch the lab to that stream, or use StreamName "${stream}" in your script and send again.`,
  pipeInOtherRegion: (pipe, region, others) => `There is no pipe named ${pipe} in ${region}, but there is one in ${others}.`,
  pipeInOtherRegionFix: (region, other, commands) =>
    commands
      ? `Run the lab in ${other}, where the pipe is (${commands.runThere}), or create the pipe in ${region}: ${commands.solve}`
      : `Press f to switch the lab to ${other}, where the pipe is, or press d to create the pipe in ${region}.`,
  pipeSimilarHere: (pipe, region, similar) => `There is no pipe named ${pipe} in ${region}, but there is one named "${similar}".`,
  pipeSimilarHereFix: (pipe, similar, solve) =>
    `The lab looks for the pipe by the name it gives it, ${pipe}. ${solve ? `Create it with that name (${solve})` : 'Press d to create it with that name'}; "${similar}" is left as it is (delete it yourself if you do not need it: aws pipes delete-pipe --name ${similar}).`,
  pipeOlderThanSource: (pipe, stream, made, again) => `Pipe ${pipe} was made at ${made}, before ${stream} was created again at ${again}: it reads the old stream's shards, which are gone.`,
  pipeOlderThanSourceFix: (solve) => `${solve ? `Run ${solve}` : 'Press d'}: the lab deletes the pipe and creates it again on the stream as it is now.`,
  sandboxJoined: (pid, url) => `Another kinesis-lab (process ${pid}) already serves the sandbox at ${url}; this one uses it too, and serves it on the same port if that one ends first. Progress from both is kept.`,
};

const ko: ProgressMessages = {
  movedAside: (path, backup, reason) =>
    `진행 상황 파일(${path})을 읽을 수 없어(${reason}) 다른 이름으로 보관하고(${backup}) 처음부터 시작합니다. 내용을 보거나 되돌리려면: mv "${backup}" "${path}"`,
  saveFailed: (path, reason, advice) => `진행 상황을 ${path}에 저장하지 못해(${reason}) 이번 결과는 기억되지 않습니다. ${advice}`,
  saveAdviceNoSpace: '디스크 공간을 확보한 뒤 명령을 다시 실행하세요.',
  saveAdviceReadOnly: (path) => `쓰기 권한을 주거나(chmod u+w "${path}", 폴더도 함께) KINESIS_LAB_HOME을 쓰기 가능한 폴더로 지정한 뒤 명령을 다시 실행하세요.`,
  saveAdviceLocked: (pid) => `다른 kinesis-lab(프로세스 ${pid})이 파일을 잠그고 있었습니다. 멈춰 있다면 그 프로세스를 끝낸 뒤 명령을 다시 실행하세요.`,
  saveAdviceOther: '폴더가 있고 쓰기 권한이 있는지 확인하거나(KINESIS_LAB_HOME을 쓰기 가능한 폴더로 지정해도 됩니다) 명령을 다시 실행하세요.',
  sentButNotSaved: '위 레코드는 스트림에 전송되었습니다. 실습의 기록만 빠져 있어, 이 실행이 필요한 확인은 이를 찾지 못할 수 있습니다.',
  staleRunsRecreated: (records, stream, from, to, createdAt, solve) =>
    `앞서 보낸 레코드 ${records}개(${from}~${to})는 그 뒤 삭제된 예전 ${stream}로 갔습니다. 지금 있는 스트림은 ${createdAt}에 만들어졌습니다. 그 레코드는 더 이상 인정되지 않으니 ${solve ? `새 샘플을 보내세요: ${solve}` : 'd를 눌러 새 샘플을 보내세요.'}`,
  staleRunsGone: (records, stream, from, to, solve) =>
    `앞서 보낸 레코드 ${records}개(${from}~${to})는 ${stream}로 갔지만 그 스트림이 이제 없습니다(삭제되었거나 샌드박스 데이터가 사라짐). 그 레코드는 더 이상 인정되지 않으니 ${solve ? `스트림을 만들고 새 샘플을 보내세요: ${solve}` : 'd를 눌러 스트림을 만들고 새 샘플을 보내세요.'}`,
  metricsWaiting: (counted, sent, expectedAt, giveUpAt) => `CloudWatch가 레코드 ${sent}개를 집계하기를 기다리는 중입니다: 지금까지 ${counted}개, ${expectedAt}쯤 나올 예정입니다(늦어도 ${giveUpAt}에 기다림을 끝냅니다).`,
  metricsAllCounted: (sent) => `CloudWatch가 레코드 ${sent}개를 모두 집계했습니다.`,
  metricsWaitEnded: (counted, sent) => `기다림이 끝났을 때 CloudWatch는 레코드 ${sent}개 중 ${counted}개를 집계했습니다.`,
  metricsResending: 'CloudWatch가 늦어도 집계했어야 할 때까지 집계하지 않아, 지금 새 샘플을 보내고 확인 기능은 그 샘플부터 셉니다.',
  recordsInOtherRegion: (stream, region, other, records) => `${region}의 ${stream}에는 레코드가 없지만, ${other}의 ${stream}에는 레코드가 ${records}개 있습니다.`,
  recordsInOtherRegionFix: (region, other, runThere) =>
    runThere
      ? `스크립트가 ${other}로 보내고 있습니다. ${region}로 보내거나(AWS_REGION=${region}, boto3라면 region_name="${region}"), ${other}에서 실습을 실행하세요: ${runThere}`
      : `스크립트가 ${other}로 보내고 있습니다. f를 눌러 실습을 ${other}로 바꾸거나, ${region}로 보내세요(AWS_REGION=${region}, boto3라면 region_name="${region}").`,
  recordsUnderSimilarName: (stream, region, similar, records) => `${stream}에는 레코드가 없지만, ${region}의 "${similar}"에는 레코드가 ${records}개 있습니다.`,
  recordsUnderSimilarNameFix: (stream, similar, runThere) =>
    runThere
      ? `스크립트가 "${similar}" 스트림에 쓰는 것 같습니다. 스크립트의 StreamName을 "${stream}"으로 고쳐 다시 보내거나, 그 스트림으로 실습을 실행하세요: ${runThere}`
      : `스크립트가 "${similar}" 스트림에 쓰는 것 같습니다. f를 눌러 실습을 그 스트림으로 바꾸거나, 스크립트의 StreamName을 "${stream}"으로 고쳐 다시 보내세요.`,
  pipeInOtherRegion: (pipe, region, others) => `${region}에는 ${pipe} 파이프가 없지만 ${others}에는 있습니다.`,
  pipeInOtherRegionFix: (region, other, commands) =>
    commands
      ? `파이프가 있는 ${other}에서 실습을 실행하거나(${commands.runThere}), ${region}에 파이프를 만드세요: ${commands.solve}`
      : `f를 눌러 실습을 파이프가 있는 ${other}로 바꾸거나, d를 눌러 ${region}에 파이프를 만드세요.`,
  pipeSimilarHere: (pipe, region, similar) => `${region}에 ${pipe} 파이프는 없지만 "${similar}" 파이프가 있습니다.`,
  pipeSimilarHereFix: (pipe, similar, solve) => `실습은 자신이 붙이는 이름 ${pipe}로 파이프를 찾습니다. ${solve ? `그 이름으로 만드세요(${solve}).` : 'd를 눌러 그 이름으로 만드세요.'} "${similar}"는 그대로 둡니다(필요 없으면 직접 지우세요: aws pipes delete-pipe --name ${similar}).`,
  pipeOlderThanSource: (pipe, stream, made, again) => `${pipe} 파이프는 ${made}에 만들어졌고, 그 뒤 ${again}에 ${stream} 스트림이 다시 만들어졌습니다. 파이프는 이제 없는 예전 스트림의 샤드를 읽고 있습니다.`,
  pipeOlderThanSourceFix: (solve) => `${solve ? `${solve} 명령을 실행하세요` : 'd를 누르세요'}. 실습이 파이프를 지우고 지금의 스트림으로 다시 만듭니다.`,
  sandboxJoined: (pid, url) => `다른 kinesis-lab(프로세스 ${pid})이 이미 ${url}에서 샌드박스를 제공하고 있어 이 프로세스도 그것을 씁니다. 그 프로세스가 먼저 끝나면 이 프로세스가 같은 포트에서 이어서 제공합니다. 두 프로세스의 진행 상황은 모두 보존됩니다.`,
};

/** Why progress could not be saved, as plain data (the runner's view holds it; every output mode prints it). */
export interface SaveFailure {
  /** The progress file. */
  path?: string;
  /** The system's code (EACCES, ENOSPC …). */
  code?: string;
  /** Another process held the file's lock for too long. */
  heldBy?: number;
  message: string;
}

/** A failed save as data the screens can print: the file and the system's code, when the error says. */
export function saveFailureOf(error: unknown): SaveFailure {
  const fields = (error ?? {}) as { path?: unknown; code?: unknown; heldBy?: unknown };
  return {
    message: error instanceof Error ? error.message : String(error),
    ...(typeof fields.path === 'string' ? { path: fields.path } : {}),
    ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
    ...(typeof fields.heldBy === 'number' ? { heldBy: fields.heldBy } : {}),
  };
}

const NO_SPACE = new Set(['ENOSPC', 'EFBIG', 'EDQUOT']);
const READ_ONLY = new Set(['EACCES', 'EPERM', 'EROFS']);

/** The one line every output mode prints for a failed save: the file, why, and what to do. */
export function saveFailureText(failure: SaveFailure, lang: Lang): string {
  const t = PROGRESS_CATALOGS[lang];
  const code = failure.code ?? '';
  const advice =
    failure.heldBy !== undefined
      ? t.saveAdviceLocked(String(failure.heldBy))
      : NO_SPACE.has(code)
        ? t.saveAdviceNoSpace
        : READ_ONLY.has(code)
          ? t.saveAdviceReadOnly(failure.path ?? '')
          : t.saveAdviceOther;
  const reason = failure.heldBy !== undefined ? `pid ${failure.heldBy}` : code || failure.message;
  return t.saveFailed(failure.path ?? '?', reason, advice);
}

/** `HH:MM:SS UTC`: the same on every machine, and what CloudWatch's own timestamps use. */
export function utcTime(at: number): string {
  return `${new Date(at).toISOString().slice(11, 19)} UTC`;
}

/** One text of this catalog in both languages (checks return Localized results). */
export function inBoth(pick: (t: ProgressMessages) => string): Localized {
  return { en: pick(en), ko: pick(ko) };
}

export const PROGRESS_CATALOGS: Record<Lang, ProgressMessages> = { en, ko };

export function progressMessages(lang: Lang): ProgressMessages {
  return PROGRESS_CATALOGS[lang];
}
