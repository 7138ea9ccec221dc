import type { Localized } from './lang.js';

/**
 * What the lab says about the learner's Node.js version. Kept apart from the big catalogs because the
 * bin's guard (src/cli-entry.ts) bundles it, and that file must stay tiny and parse on old Node.
 */

/** One line on a Node older than `engines` allows, instead of a syntax error from newer code. */
export function nodeTooOld(running: string, minimum: number): Localized {
  return {
    en: `kinesis-lab needs Node.js ${minimum} or newer, and this is Node.js ${running}. Install the current LTS (https://nodejs.org, or: nvm install --lts) and run it again.`,
    ko: `kinesis-lab은 Node.js ${minimum} 이상이 필요한데 지금은 Node.js ${running}입니다. 최신 LTS를 설치한 뒤(https://nodejs.org 또는 nvm install --lts) 다시 실행하세요.`,
  };
}
