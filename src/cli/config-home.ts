import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Lang, Localized } from '../i18n/lang.js';

/**
 * The config folder or the progress file is not what the lab needs (a file where the folder should be,
 * a folder where the file should be). Says which path and what to do; `exitCode` 2 when a setting
 * (`KINESIS_LAB_HOME`) points at the wrong thing, 1 when the folder's contents are in the way.
 */
export class ConfigPathError extends Error {
  override readonly name = 'ConfigPathError';

  constructor(
    readonly localized: Localized,
    readonly exitCode: 1 | 2,
  ) {
    super(localized.en);
  }

  in(lang: Lang): string {
    return this.localized[lang];
  }
}

type Kind = 'folder' | 'file' | 'missing' | 'blocked';

async function kindOf(path: string): Promise<{ kind: Kind; blocker?: string }> {
  try {
    return { kind: (await stat(path)).isDirectory() ? 'folder' : 'file' };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    if (code !== 'ENOTDIR') throw error;
    // A file somewhere above: name it, not the path under it.
    let above = dirname(path);
    while (above !== dirname(above) && (await kindOf(above)).kind !== 'file') above = dirname(above);
    return { kind: 'blocked', blocker: above };
  }
}

/**
 * Checks, before anything reads or writes there, that the config folder can be a folder and the
 * progress file a file. Without it, Node's `ENOTDIR` / `EISDIR` (sometimes without any path) is all
 * the learner would see.
 */
export async function checkConfigHome(dir: string, progressFile: string, env: NodeJS.ProcessEnv): Promise<void> {
  const home = await kindOf(dir);
  const setting = env.KINESIS_LAB_HOME ? 'KINESIS_LAB_HOME' : env.XDG_CONFIG_HOME ? 'XDG_CONFIG_HOME' : undefined;
  if (home.kind === 'file' || home.kind === 'blocked') {
    const file = home.blocker ?? dir;
    const fixEn = setting ? `point ${setting} at a folder (or move that file away)` : `move that file away, or set KINESIS_LAB_HOME to a folder`;
    const fixKo = setting ? `${setting}가 폴더를 가리키게 하세요(또는 그 파일을 다른 곳으로 옮기세요)` : `그 파일을 다른 곳으로 옮기거나 KINESIS_LAB_HOME을 폴더로 설정하세요`;
    throw new ConfigPathError(
      { en: `the config folder ${dir} cannot be created: ${file} is a file, not a folder; ${fixEn}`, ko: `설정 폴더(${dir})를 만들 수 없습니다. 그 자리의 경로(${file})는 폴더가 아니라 파일입니다. ${fixKo}` },
      setting ? 2 : 1,
    );
  }
  const progress = await kindOf(progressFile);
  if (progress.kind === 'folder') {
    throw new ConfigPathError(
      {
        en: `the progress file ${progressFile} is a folder; move it away (mv "${progressFile}" "${progressFile}.folder") and run again`,
        ko: `진행 파일(${progressFile})이 폴더입니다. 다른 곳으로 옮기고(mv "${progressFile}" "${progressFile}.folder") 다시 실행하세요`,
      },
      1,
    );
  }
  if (progress.kind === 'blocked') {
    throw new ConfigPathError(
      { en: `the progress folder ${dirname(progressFile)} is a file; move it away (mv "${progress.blocker}" "${progress.blocker}.file") and run again`, ko: `진행 폴더(${dirname(progressFile)})가 파일입니다. 다른 곳으로 옮기고(mv "${progress.blocker}" "${progress.blocker}.file") 다시 실행하세요` },
      1,
    );
  }
}

const FILE_PROBLEMS: Record<string, Localized> = {
  ENOTDIR: { en: 'a part of that path is a file, not a folder', ko: '경로 중간에 폴더가 아니라 파일이 있습니다' },
  EISDIR: { en: 'it is a folder where a file was expected', ko: '파일이 있어야 할 자리에 폴더가 있습니다' },
  EACCES: { en: 'permission denied', ko: '권한이 없습니다' },
  EPERM: { en: 'the operation is not permitted', ko: '허용되지 않는 작업입니다' },
  EROFS: { en: 'the file system is read-only', ko: '파일 시스템이 읽기 전용입니다' },
  ENOSPC: { en: 'the disk is full', ko: '디스크가 가득 찼습니다' },
};

/** A file-system error that reached the top, as one line naming the path and what is wrong with it. */
export function fileErrorMessage(error: unknown): Localized | undefined {
  const e = error as NodeJS.ErrnoException | undefined;
  const problem = e?.code ? FILE_PROBLEMS[e.code] : undefined;
  if (!problem || !e?.path) return undefined;
  return {
    en: `cannot use ${e.path}: ${problem.en} (${e.code}); fix that path, or point KINESIS_LAB_HOME at a folder you can write`,
    ko: `이 경로를 쓸 수 없습니다: ${e.path}. ${problem.ko}(${e.code}). 그 경로를 고치거나 KINESIS_LAB_HOME을 쓸 수 있는 폴더로 설정하세요`,
  };
}
