import { describe, expect, it } from 'vitest';
import { sandboxEnvLines } from './sandbox-banner.js';

describe('sandboxEnvLines', () => {
  it('gives export lines with the dummy credentials and the CLI flag', () => {
    expect(sandboxEnvLines('http://127.0.0.1:4567', 'ap-northeast-2')).toEqual({
      env: [
        'export AWS_ENDPOINT_URL=http://127.0.0.1:4567',
        'export AWS_ACCESS_KEY_ID=AKIAKINESISLAB000000',
        'export AWS_SECRET_ACCESS_KEY=kinesis-lab-sandbox-secret',
        'export AWS_REGION=ap-northeast-2',
        'export AWS_DEFAULT_REGION=ap-northeast-2',
      ],
      cliHint: '--endpoint-url http://127.0.0.1:4567',
    });
  });

  it('quotes values a shell would interpret', () => {
    expect(sandboxEnvLines("http://x/$HOME's", 'us-east-1').cliHint).toBe(`--endpoint-url 'http://x/$HOME'\\''s'`);
  });
});
