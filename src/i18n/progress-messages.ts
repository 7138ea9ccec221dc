import type { Lang } from './lang.js';

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
};

const ko: ProgressMessages = {
  movedAside: (path, backup, reason) =>
    `진행 상황 파일 ${path}을(를) 읽을 수 없어(${reason}) ${backup}(으)로 보관하고 처음부터 시작합니다. 내용을 보거나 되돌리려면: mv "${backup}" "${path}"`,
  saveFailed: (path, reason, advice) => `진행 상황을 ${path}에 저장하지 못해(${reason}) 이번 결과는 기억되지 않습니다. ${advice}`,
  saveAdviceNoSpace: '디스크 공간을 확보한 뒤 명령을 다시 실행하세요.',
  saveAdviceReadOnly: (path) => `쓰기 권한을 주거나(chmod u+w "${path}", 폴더도 함께) KINESIS_LAB_HOME을 쓰기 가능한 폴더로 지정한 뒤 명령을 다시 실행하세요.`,
  saveAdviceLocked: (pid) => `다른 kinesis-lab(프로세스 ${pid})이 파일을 잠그고 있었습니다. 멈춰 있다면 그 프로세스를 끝낸 뒤 명령을 다시 실행하세요.`,
  saveAdviceOther: '폴더가 있고 쓰기 권한이 있는지 확인하거나(KINESIS_LAB_HOME을 쓰기 가능한 폴더로 지정해도 됩니다) 명령을 다시 실행하세요.',
  sentButNotSaved: '위 레코드는 스트림에 전송되었습니다. 실습의 기록만 빠져 있어, 이 실행이 필요한 확인은 이를 찾지 못할 수 있습니다.',
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

export const PROGRESS_CATALOGS: Record<Lang, ProgressMessages> = { en, ko };

export function progressMessages(lang: Lang): ProgressMessages {
  return PROGRESS_CATALOGS[lang];
}
