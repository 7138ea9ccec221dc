import { ResourceNotFoundException } from '@aws-sdk/client-kinesis';
import { describe, expect, it } from 'vitest';
import type { StreamProbes } from '../../src/diagnose/catalog-entry.js';
import { diagnose } from '../../src/diagnose/catalog.js';
import { similarNames } from '../../src/diagnose/similar-names.js';
import { ACCOUNT, AWS_CTX, SANDBOX_CTX } from './aws-errors.js';

/** Streams per region, as a fake AWS account; records which lookups the diagnosis made. */
function fakeAccount(streams: Record<string, string[]>, here = AWS_CTX.region) {
  const calls: string[] = [];
  const probes: StreamProbes = {
    findStreamInOtherRegions: async (name) => {
      calls.push(`find ${name}`);
      return Object.entries(streams)
        .filter(([region, names]) => region !== here && names.includes(name))
        .map(([region]) => region);
    },
    listStreamsHere: async () => {
      calls.push('list here');
      return streams[here] ?? [];
    },
  };
  return { probes, calls };
}

function notFound(stream: string) {
  return new ResourceNotFoundException({ message: `Stream ${stream} under account ${ACCOUNT} not found.`, $metadata: { httpStatusCode: 400 } });
}

describe('stream-not-found: where is the stream?', () => {
  it('finds the stream in another region and offers to switch region', async () => {
    const { probes, calls } = fakeAccount({ 'ap-northeast-2': ['orders'], 'us-east-1': ['input-stream'] });

    const diagnosis = await diagnose(notFound('input-stream'), AWS_CTX, probes);

    expect(calls.sort()).toEqual(['find input-stream', 'list here']);
    expect(diagnosis.kind).toBe('stream-not-found');
    expect(diagnosis.autoFix).toEqual({ type: 'switch-region', region: 'us-east-1' });
    expect(diagnosis.what).toEqual({
      en: 'There is no stream named "input-stream" in region ap-northeast-2.',
      ko: 'ap-northeast-2 리전에 "input-stream" 스트림이 없습니다.',
    });
    expect(diagnosis.why.en).toContain('A stream with exactly this name exists in us-east-1.');
    expect(diagnosis.fix.en).toContain('--region us-east-1');
    expect(diagnosis.fix.en).toContain('export AWS_REGION=us-east-1');
    expect(diagnosis.fix.ko).toContain('export AWS_REGION=us-east-1');
  });

  it.each([
    ['input_stream', 'input-stream'],
    ['Input-Stream', 'input-stream'],
    ['input-steam', 'input-stream'],
    ['inputstream', 'input-stream'],
  ])('finds the similar name %s here and offers to switch to it', async (existing, asked) => {
    const { probes } = fakeAccount({ 'ap-northeast-2': ['orders', existing] });

    const diagnosis = await diagnose(notFound(asked), AWS_CTX, probes);

    expect(diagnosis.autoFix).toEqual({ type: 'switch-stream', stream: existing });
    expect(diagnosis.why.en).toContain(`a similar name: "${existing}"`);
    expect(diagnosis.fix.en).toContain(`--stream ${existing}`);
  });

  it('prefers the exact name in another region over a similar name here, and mentions both', async () => {
    const { probes } = fakeAccount({ 'ap-northeast-2': ['input_stream'], 'eu-west-1': ['input-stream'] });

    const diagnosis = await diagnose(notFound('input-stream'), AWS_CTX, probes);

    expect(diagnosis.autoFix).toEqual({ type: 'switch-region', region: 'eu-west-1' });
    expect(diagnosis.why.en).toContain('This region also has a stream with a similar name: "input_stream".');
  });

  it('offers to create the stream when it is nowhere', async () => {
    const { probes } = fakeAccount({ 'ap-northeast-2': ['orders'], 'us-west-2': ['clicks'] });

    const diagnosis = await diagnose(notFound('input-stream'), AWS_CTX, probes);

    expect(diagnosis.autoFix).toEqual({ type: 'create-stream', stream: 'input-stream' });
    expect(diagnosis.why.en).toMatch(/^No stream with this name or a similar one was found in ap-northeast-2/);
    expect(diagnosis.fix.en).toContain('aws kinesis create-stream --stream-name input-stream --shard-count 1 --region ap-northeast-2');
  });

  it('takes the stream name from the message, not the lab setting, since the learner\'s own script may use another', async () => {
    const { probes, calls } = fakeAccount({ 'ap-northeast-2': ['input-stream'] });

    const diagnosis = await diagnose(notFound('Input_Stream'), AWS_CTX, probes);

    expect(calls).toContain('find Input_Stream');
    expect(diagnosis.autoFix).toEqual({ type: 'switch-stream', stream: 'input-stream' });
  });

  it('retries when the stream is there after all (created a moment ago)', async () => {
    const { probes } = fakeAccount({ 'ap-northeast-2': ['input-stream'] });

    const diagnosis = await diagnose(notFound('input-stream'), AWS_CTX, probes);

    expect(diagnosis.autoFix).toEqual({ type: 'wait-and-retry', delayMs: 2000 });
  });

  it('in the sandbox, offers to create it without AWS CLI commands', async () => {
    const { probes } = fakeAccount({}, SANDBOX_CTX.region);

    const diagnosis = await diagnose(notFound('input-stream'), SANDBOX_CTX, probes);

    expect(diagnosis.what.en).toBe(`There is no stream named "input-stream" in region ${SANDBOX_CTX.region} of the sandbox.`);
    expect(diagnosis.what.ko).toBe(`샌드박스의 ${SANDBOX_CTX.region} 리전에 "input-stream" 스트림이 없습니다.`);
    expect(diagnosis.autoFix).toEqual({ type: 'create-stream', stream: 'input-stream' });
    expect(diagnosis.fix.en).not.toContain('aws kinesis');
  });

  it('without probes, says it could not search and still offers to create', async () => {
    const diagnosis = await diagnose(notFound('input-stream'), AWS_CTX);

    expect(diagnosis.why.en).toContain('could not search');
    expect(diagnosis.autoFix).toEqual({ type: 'create-stream', stream: 'input-stream' });
  });
});

describe('similarNames', () => {
  const streams = ['input-stream', 'Input_Stream', 'input.stream', 'inputstream', 'input-streams', 'output-stream', 'orders', 'in'];

  it('matches case and separator variants first, then small typos, and never the name itself', () => {
    expect(similarNames('input-stream', streams)).toEqual(['Input_Stream', 'input.stream', 'inputstream', 'input-streams']);
  });

  it('does not call unrelated short names similar', () => {
    expect(similarNames('ab', ['xy', 'ab', 'AB'])).toEqual(['AB']);
    expect(similarNames('orders', ['output-stream', 'clicks'])).toEqual([]);
  });
});
