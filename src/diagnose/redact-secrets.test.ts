import { describe, expect, it } from 'vitest';
import { publishValue, redactSecrets, rememberSecret } from './redact-secrets.js';

describe('redactSecrets: by shape and by value', () => {
  it.each([
    ['a password in a URL', 'Kinesis endpoint http://admin:hunter2pw@127.0.0.1:4567 answers', 'Kinesis endpoint http://[redacted]@127.0.0.1:4567 answers'],
    ['a user name alone in a URL', 'see https://token123@example.com/x', 'see https://[redacted]@example.com/x'],
    ['Basic authorization', 'authorization: Basic YWRtaW46aHVudGVyMnB3', 'authorization: Basic [redacted]'],
    ['Bearer authorization', 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x', 'Authorization: Bearer [redacted]'],
    ['a coloured value (the full-screen lab colours text)', 'AWS_SECRET_ACCESS_KEY=\u001b[1mwJalrXUtnFEMI/K7MDENG\u001b[22m', 'AWS_SECRET_ACCESS_KEY=\u001b[1m[redacted]\u001b[22m'],
  ])('%s', (_label, text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it('removes a known value wherever it stands, bare or percent-encoded, longest first', () => {
    rememberSecret('kl-token-AAAA/BBBB+CCCC');
    rememberSecret('kl-token-AAAA');
    expect(redactSecrets('token kl-token-AAAA/BBBB+CCCC and kl-token-AAAA%2FBBBB%2BCCCC, then kl-token-AAAA')).toBe('token [redacted] and [redacted], then [redacted]');
    // Too short to tell from an ordinary word: left to the shapes.
    rememberSecret('abc');
    expect(redactSecrets('abc')).toBe('abc');
  });

  it('keeps values printed on purpose: the sandbox dummy keys, and the catalog\'s placeholder', () => {
    publishValue('AKIAKINESISLAB000000');
    publishValue('kinesis-lab-sandbox-secret');
    const paste = "export AWS_ACCESS_KEY_ID=\u001b[36mAKIAKINESISLAB000000\u001b[39m\nexport AWS_SECRET_ACCESS_KEY='kinesis-lab-sandbox-secret'";
    expect(redactSecrets(paste)).toBe(paste);
    expect(redactSecrets('export AWS_ACCESS_KEY_ID=sandbox AWS_SECRET_ACCESS_KEY=sandbox')).toBe('export AWS_ACCESS_KEY_ID=sandbox AWS_SECRET_ACCESS_KEY=sandbox');
  });
});
