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

/** When each Node.js line the lab still runs on reached its end of life (nodejs.org/en/about/previous-releases). */
const END_OF_LIFE: Record<number, Localized> = {
  20: { en: 'April 2026', ko: '2026년 4월' },
  21: { en: 'June 2024', ko: '2024년 6월' },
};

/**
 * The AWS SDK's NodeVersionSupportWarning, in one line: this version of the lab keeps working (its SDK is
 * bundled), but its next releases follow the SDK to Node.js `required`.
 */
export function nodeSupportEnding(running: string, required: number): Localized {
  const eol = END_OF_LIFE[Number(/^v?(\d+)/.exec(running)?.[1])];
  return {
    en: `Note: you run Node.js ${running}${eol ? `, which reached its end of life in ${eol.en}` : ''}. This lab works on it, but AWS SDK releases from January 2027 on, and so the lab's next releases, need Node.js ${required} or newer: upgrade when you can (https://nodejs.org, or: nvm install --lts).`,
    ko: `참고: 지금 쓰는 Node.js는 ${running}입니다${eol ? `(${eol.ko}에 지원 종료)` : ''}. 이 실습은 그대로 동작하지만, 2027년 1월부터 나오는 AWS SDK와 실습의 다음 릴리스는 Node.js ${required} 이상이 필요합니다. 가능할 때 업그레이드하세요(https://nodejs.org 또는 nvm install --lts).`,
  };
}
