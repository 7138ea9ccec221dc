/**
 * The AWS SDK's Node version warning reaches the learner once, as one plain line on stderr after the
 * work (never inside --json on stdout), on the Nodes it concerns; the SDK's own switch silences it.
 */
import { describe, expect, it } from 'vitest';
import { jsonLines, runCli, tempHome } from './cli-helpers.js';

const major = Number(process.versions.node.split('.')[0]);
/** What @aws-sdk/core bundled here warns about: releases after early January 2027 need Node 22. */
const SDK_NEEDS = 22;

describe(`the SDK's Node support notice on Node ${process.version}`, () => {
  it(major < SDK_NEEDS ? 'is one line on stderr, after the JSON on stdout' : 'is not shown: this Node is supported', async () => {
    const run = await runCli(['check', 'create-stream', '--sandbox', '--json'], { KINESIS_LAB_HOME: await tempHome(), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: '' });
    expect(jsonLines(run.stdout).map((l) => l.step)).toEqual(['create-stream']);
    const lines = run.stderr.split('\n').filter(Boolean);
    if (major < SDK_NEEDS) {
      expect(lines).toEqual([expect.stringMatching(new RegExp(`^Note: you run Node\\.js ${process.version.replaceAll('.', '\\.')}.* need Node\\.js ${SDK_NEEDS} or newer: upgrade when you can \\(https://nodejs\\.org, or: nvm install --lts\\)\\.$`))]);
    } else {
      expect(lines).toEqual([]);
    }
  });

  it('is silenced by the SDK\'s own AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', async () => {
    const run = await runCli(['check', 'create-stream', '--sandbox', '--json'], { KINESIS_LAB_HOME: await tempHome(), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' });
    expect(run.stderr).toBe('');
  });
});
