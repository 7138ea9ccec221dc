/**
 * StartStreamEncryption and StopStreamEncryption: server-side encryption with a KMS key. The stream is
 * UPDATING for updateStreamMs, then records written are reported as EncryptionType KMS (or NONE again).
 * The sandbox has no KMS: any key id, key ARN, alias name or alias ARN is taken as it is written (AWS
 * would ask KMS whether it exists), and `alias/aws/kinesis` is Kinesis's own key.
 */
import { invalidArgument, streamNotActive } from '../kinesis-texts.js';
import { requestedStream } from '../resolve-stream.js';
import type { KinesisOperation } from './kinesis-operation.js';

const KEY_FORMS = /^(alias\/[a-zA-Z0-9:/_-]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}|arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/.+)$/;

function changeEncryption(start: boolean): KinesisOperation {
  return (call, input) => {
    const stream = requestedStream(call, input);
    const keyId = String(input.KeyId);
    if (!KEY_FORMS.test(keyId)) {
      throw invalidArgument(`KeyId ${keyId} is not a KMS key id, key ARN, alias name (alias/...) or alias ARN.`);
    }
    if (stream.status !== 'ACTIVE') throw streamNotActive(stream);
    if (!start && stream.kmsKeyId === undefined) throw invalidArgument(`Stream ${stream.name} under account ${stream.account} is not encrypted.`);
    call.commit({
      k: 'schedule', account: stream.account, region: stream.region, name: stream.name, at: call.now, status: 'UPDATING',
      work: { kind: 'encryption', at: call.now + call.settings.updateStreamMs, keyId: start ? keyId : null },
    });
    return {};
  };
}

export const startStreamEncryption = changeEncryption(true);
export const stopStreamEncryption = changeEncryption(false);
