import { describe, expect, it } from 'vitest';
import { nodeSupportNotice, warningLines } from './node-support-notice.js';

/** The warning exactly as @aws-sdk/core emits it (process.emitWarning with a string). */
function sdkWarning(running: string): Error {
  const warning = new Error(`NodeVersionSupportWarning: The AWS SDK for JavaScript (v3)
versions published after the first week of January 2027
will require node >=22. You are running node ${running}.

To continue receiving updates to AWS services, bug fixes,
and security updates please upgrade to node >=22.

More information can be found at: https://a.co/c895JFp`);
  warning.name = 'Warning';
  return warning;
}

describe("the SDK's Node version warning", () => {
  it('becomes one line in either language, saying what the learner can do', () => {
    expect(nodeSupportNotice(sdkWarning('v20.20.2'), 'v20.20.2')).toEqual({
      en: "Note: you run Node.js v20.20.2, which reached its end of life in April 2026. This lab works on it, but AWS SDK releases from January 2027 on, and so the lab's next releases, need Node.js 22 or newer: upgrade when you can (https://nodejs.org, or: nvm install --lts).",
      ko: '참고: 지금 쓰는 Node.js는 v20.20.2입니다(2026년 4월에 지원 종료). 이 실습은 그대로 동작하지만, 2027년 1월부터 나오는 AWS SDK와 실습의 다음 릴리스는 Node.js 22 이상이 필요합니다. 가능할 때 업그레이드하세요(https://nodejs.org 또는 nvm install --lts).',
    });
  });

  it('is shown once however often it came, and other warnings keep their text', () => {
    const other = new Error('Something else');
    expect(warningLines([sdkWarning('v20.1.0'), other, sdkWarning('v20.1.0')], 'v20.1.0', 'en')).toEqual([
      expect.stringMatching(/^Note: you run Node\.js v20\.1\.0, which reached its end of life in April 2026\. /),
      'warning: Something else',
    ]);
  });

  it('is not taken for any other warning', () => {
    expect(nodeSupportNotice(new Error('ExperimentalWarning: VM Modules'), 'v20.1.0')).toBeUndefined();
  });
});
