/**
 * What the sandbox says about its data folder, in every language: problems that stop it from
 * starting (SandboxDataError) and notices about files it had to set aside or repair.
 */
import type { Localized } from '../../i18n/lang.js';

const startFresh = (dir: string): Localized => ({
  en: `To start with an empty sandbox instead, stop it and delete ${dir}.`,
  ko: `빈 샌드박스로 새로 시작하려면 샌드박스를 멈추고 데이터 폴더(${dir})를 지우세요.`,
});

export const dataMessages = {
  notAFolder: (dir: string): Localized => ({
    en: `The sandbox data folder ${dir} is a file, not a folder. Give --data-dir a folder (it is created if missing).`,
    ko: `샌드박스 데이터 폴더로 지정한 경로(${dir})는 폴더가 아니라 파일입니다. --data-dir에는 폴더를 지정하세요(없으면 만들어집니다).`,
  }),
  cannotCreate: (dir: string, reason: string): Localized => ({
    en: `The sandbox data folder ${dir} cannot be created (${reason}). Give --data-dir a folder you can write to.`,
    ko: `샌드박스 데이터 폴더(${dir})를 만들 수 없습니다(${reason}). --data-dir에 쓰기 권한이 있는 폴더를 지정하세요.`,
  }),
  notWritable: (dir: string, reason: string): Localized => ({
    en: `The sandbox cannot write in its data folder ${dir} (${reason}). Give --data-dir a folder you can write to, or fix its permissions.`,
    ko: `샌드박스가 데이터 폴더 ${dir}에 쓸 수 없습니다(${reason}). 쓰기 권한이 있는 폴더를 --data-dir로 지정하거나 권한을 고치세요.`,
  }),
  lockedBy: (dir: string, pid: number): Localized => ({
    en: `The sandbox data folder ${dir} is in use by another kinesis-lab sandbox (process ${pid}). Stop that one first, or give this one another --data-dir.`,
    ko: `샌드박스 데이터 폴더(${dir})는 다른 kinesis-lab 샌드박스(프로세스 ${pid})가 쓰고 있습니다. 그 샌드박스를 먼저 멈추거나 다른 --data-dir을 지정하세요.`,
  }),
  cannotRead: (file: string, reason: string): Localized => ({
    en: `The sandbox cannot read its data file ${file} (${reason}). Fix its permissions, or move it away to start without it.`,
    ko: `샌드박스가 데이터 파일(${file})을 읽을 수 없습니다(${reason}). 권한을 고치거나, 그 파일 없이 시작하려면 다른 곳으로 옮기세요.`,
  }),
  cannotSave: (file: string, reason: string): Localized => ({
    en: `The sandbox could not save to ${file} (${reason}); the call was not carried out. Free disk space or fix the folder's permissions.`,
    ko: `샌드박스가 ${file}에 저장하지 못해(${reason}) 호출을 처리하지 않았습니다. 디스크 공간을 확보하거나 폴더 권한을 고치세요.`,
  }),
  tornEntry: (file: string): Localized => ({
    en: `The last entry of ${file} was half written (the sandbox was stopped while writing it) and was dropped; the call it belonged to had not been answered.`,
    ko: `${file}의 마지막 항목이 반만 쓰여 있어(쓰는 도중 샌드박스가 멈춤) 버렸습니다. 그 항목의 호출은 응답을 받지 못한 호출입니다.`,
  }),
  movedAside: (file: string, aside: string, what: string, dir: string): Localized => ({
    en: `The sandbox data file ${file} is damaged (${what}) and was moved to ${aside}; the sandbox started without what it held. ${startFresh(dir).en}`,
    ko: `샌드박스 데이터 파일(${file})이 손상되어(${what}) 다음 위치로 옮겼고, 그 내용 없이 시작했습니다: ${aside}. ${startFresh(dir).ko}`,
  }),
  newerFormat: (file: string, aside: string, version: number): Localized => ({
    en: `The sandbox data file ${file} was written by a newer kinesis-lab (format ${version}) and was moved to ${aside}. Update kinesis-lab to read it.`,
    ko: `샌드박스 데이터 파일(${file})은 더 새로운 kinesis-lab(형식 ${version})이 쓴 파일이라 다음 위치로 옮겼습니다: ${aside}. 읽으려면 kinesis-lab을 업데이트하세요.`,
  }),
  olderLayout: (dir: string, folders: string[]): Localized => ({
    en: `${dir} holds data from an older kinesis-lab (kinesalite region folders: ${folders.join(', ')}); this sandbox does not read it and starts without those streams. Delete those folders when you no longer need them.`,
    ko: `${dir}에 이전 kinesis-lab의 데이터(kinesalite 리전 폴더: ${folders.join(', ')})가 있습니다. 이 샌드박스는 그 데이터를 읽지 않으므로 그 스트림 없이 시작합니다. 필요 없으면 그 폴더들을 지우세요.`,
  }),
};
