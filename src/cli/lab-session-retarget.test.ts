import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadProgress, progressPath, saveProgress } from '../files/progress-store.js';
import { emptyLedger } from '../engine/session-ledger.js';
import { initialState } from '../engine/step-state.js';
import { resumeCommand } from './commands/lab-command.js';
import { LAB_ID, openLabSession, saveSessionProgress } from './lab-session.js';
import type { GlobalOptions } from './parse-args.js';

/** A local endpoint makes the run a sandbox run without starting one; nothing here sends a request. */
const global = (over: Partial<GlobalOptions> = {}): GlobalOptions => ({ sandbox: false, plain: true, endpointUrl: 'http://127.0.0.1:9', lang: 'en', ...over });

describe('a switched region across sessions', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'kinesis-lab-retarget-'));
    // The environment names another region: a switch made in the lab is newer than it.
    env = { KINESIS_LAB_HOME: home, AWS_REGION: 'eu-west-1', AWS_EC2_METADATA_DISABLED: 'true' };
  });
  afterEach(() => rm(home, { recursive: true, force: true }));

  it('retarget rebuilds the context, makes the new settings the session\'s, and a resumed lab keeps them unless --region names another', async () => {
    const session = await openLabSession(global(), { env });
    expect([session.settings.region, session.settings.regionSource]).toEqual(['eu-west-1', 'AWS_REGION']);
    expect(session.initial.target).toEqual({ stream: 'input-stream', region: 'eu-west-1' });

    const context = session.retarget({ stream: 'input-stream', region: 'us-east-1', regionSwitched: true });
    expect([context.region, context.stream]).toEqual(['us-east-1', 'input-stream']);
    expect(session.context).toBe(context);
    expect([session.settings.region, session.settings.regionSource]).toEqual(['us-east-1', 'switched']);
    // What the quit line tells a learner whose first command named the old region.
    expect(resumeCommand(session)).toBe('kinesis-lab --endpoint-url http://127.0.0.1:9 --region us-east-1 --stream input-stream');
    const state = { ...session.initial.state, current: 'put-record' };
    await saveSessionProgress(session, { settings: { stream: 'input-stream', region: 'us-east-1', regionSwitched: true }, state, ledger: emptyLedger() });
    const saved = await loadProgress(progressPath(home, LAB_ID, 'sandbox-127.0.0.1-9'));
    expect(saved.kind === 'loaded' && saved.file.settings).toEqual({ stream: 'input-stream', region: 'us-east-1', regionSwitched: true });

    const resumed = await openLabSession(global(), { env });
    expect([resumed.settings.region, resumed.settings.regionSource, resumed.resumed]).toEqual(['us-east-1', 'switched', true]);
    expect(resumed.initial.state.current).toBe('put-record');
    expect(resumed.initial.target).toEqual({ stream: 'input-stream', region: 'us-east-1', regionSwitched: true });
    expect(resumed.context.region).toBe('us-east-1');

    const flagged = await openLabSession(global({ region: 'ap-northeast-2' }), { env });
    expect([flagged.settings.region, flagged.settings.regionSource, flagged.resumed]).toEqual(['ap-northeast-2', 'flag', false]);
  });

  it('a saved region that was not switched still gives way to the environment', async () => {
    const state = initialState(LAB_ID, ['create-stream']);
    await saveProgress(progressPath(home, LAB_ID, 'sandbox-127.0.0.1-9'), { formatVersion: 1, savedAt: '2026-11-22T04:00:00.000Z', settings: { stream: 'input-stream', region: 'us-east-1' }, state, ledger: emptyLedger() });
    const session = await openLabSession(global(), { env });
    expect([session.settings.region, session.settings.regionSource]).toEqual(['eu-west-1', 'AWS_REGION']);
  });
});
