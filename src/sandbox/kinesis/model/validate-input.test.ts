import { describe, expect, it } from 'vitest';
import { KinesisError } from '../kinesis-error.js';
import { validateInput } from './validate-input.js';

function failure(shape: string, input: Record<string, unknown>): { type: string; body: Record<string, unknown> } {
  try {
    validateInput(shape, input);
  } catch (error) {
    if (error instanceof KinesisError) return { type: error.type, body: error.body() };
    throw error;
  }
  throw new Error('validated');
}

describe('validateInput against botocore\'s Kinesis model', () => {
  it('keeps known members, drops unknown ones, floors integers and turns CBOR bytes into base64', () => {
    expect(validateInput('PutRecordInput', { StreamName: 's', PartitionKey: 'k', Data: new Uint8Array([104, 105]), Extra: 1 })).toEqual({ StreamName: 's', PartitionKey: 'k', Data: 'aGk=' });
    expect(validateInput('CreateStreamInput', { StreamName: 's', ShardCount: 2.7 })).toEqual({ StreamName: 's', ShardCount: 2 });
    expect(validateInput('GetShardIteratorInput', { StreamName: 's', ShardId: '0', ShardIteratorType: 'AT_TIMESTAMP', Timestamp: new Date(1_700_000_000_500) }).Timestamp).toBe(1_700_000_000.5);
  });

  it.each<[string, string, Record<string, unknown>, string]>([
    ['a string where a number goes', 'CreateStreamInput', { StreamName: 's', ShardCount: 'two' }, 'class java.lang.String can not be converted to an Integer'],
    ['a number where a string goes', 'DescribeStreamSummaryInput', { StreamName: 5 }, 'class com.amazon.coral.value.json.numbers.TruncatingBigNumber can not be converted to an String'],
    ['a list that is a string', 'PutRecordsInput', { StreamName: 's', Records: 'nope' }, 'Expected list or null'],
    ['a map that is a list', 'AddTagsToStreamInput', { StreamName: 's', Tags: [] }, 'Start of list found where not expected'],
    ['base64 of the wrong length', 'PutRecordInput', { StreamName: 's', PartitionKey: 'k', Data: 'abc' }, "'abc' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 3"],
  ])('answers %s with SerializationException', (_what, shape, input, message) => {
    expect(failure(shape, input)).toEqual({ type: 'SerializationException', body: { __type: 'SerializationException', Message: message } });
  });

  it('counts every failed constraint, in AWS words and the model\'s member order, with paths into lists and maps', () => {
    expect(failure('PutRecordsInput', { StreamName: '', Records: [{ PartitionKey: 'x'.repeat(257), Data: 'eA==' }, { Data: 'eA==' }] }).body).toEqual({
      __type: 'ValidationException',
      message: '4 validation errors detected: ' + [
        `Value '${'x'.repeat(257)}' at 'records.1.member.partitionKey' failed to satisfy constraint: Member must have length less than or equal to 256`,
        "Value null at 'records.2.member.partitionKey' failed to satisfy constraint: Member must not be null",
        "Value '' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
        "Value '' at 'streamName' failed to satisfy constraint: Member must have length greater than or equal to 1",
      ].join('; '),
    });
    expect(failure('RemoveTagsFromStreamInput', { StreamName: 's', TagKeys: [''] }).body.message).toBe(
      "1 validation error detected: Value '[]' at 'tagKeys' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 128, Member must have length greater than or equal to 1]",
    );
    expect(failure('CreateStreamInput', { StreamName: 's', StreamModeDetails: { StreamMode: 'FAST' } }).body.message).toBe(
      "1 validation error detected: Value 'FAST' at 'streamModeDetails.streamMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, ON_DEMAND]",
    );
  });
});
