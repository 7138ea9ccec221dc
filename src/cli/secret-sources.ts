import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { publishValue, redactSecrets, rememberSecret } from '../diagnose/redact-secrets.js';
import { SANDBOX_CREDENTIALS } from '../sandbox/sandbox-types.js';

/** Environment variables that hold a credential outright. */
const SECRET_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_CONTAINER_AUTHORIZATION_TOKEN'];
/** Keys of the shared config and credentials files whose values are credentials. */
const SECRET_KEYS = /^\s*(aws_access_key_id|aws_secret_access_key|aws_session_token|aws_security_token)\s*=\s*(\S+)\s*$/i;

/**
 * Tells the redaction path (src/diagnose/redact-secrets.ts) every credential this process can know
 * about before it calls anything: the environment, the profile files, and passwords written into
 * endpoint URLs (`--endpoint-url http://user:pass@host`, `AWS_ENDPOINT_URL…`). The sandbox's dummy
 * keys are published on purpose (learners paste them) and stay printable.
 */
export function learnSecrets(env: NodeJS.ProcessEnv, argv: readonly string[]): void {
  publishValue(SANDBOX_CREDENTIALS.accessKeyId);
  publishValue(SANDBOX_CREDENTIALS.secretAccessKey);
  for (const name of SECRET_VARIABLES) rememberSecret(env[name]);
  for (const value of [...Object.values(env), ...argv]) if (value) rememberUrlPasswords(value);
  for (const path of [env.AWS_SHARED_CREDENTIALS_FILE ?? join(homedir(), '.aws', 'credentials'), env.AWS_CONFIG_FILE ?? join(homedir(), '.aws', 'config')]) {
    for (const line of readOrNothing(path).split(/\r?\n/)) rememberSecret(SECRET_KEYS.exec(line)?.[2]);
  }
}

function rememberUrlPasswords(text: string): void {
  for (const match of text.matchAll(/\/\/([^/\s@:]*):([^/\s@]+)@/g)) {
    rememberSecret(match[2]);
    rememberSecret(safeDecode(match[2] ?? ''));
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function readOrNothing(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/**
 * Every byte the process writes to the terminal goes through the redaction path: plain output,
 * `--json`, the full-screen UI's frames and anything a library prints. Writes are whole lines or
 * whole frames, so a secret is never split across two of them.
 */
export function redactProcessStreams(streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = (chunk: unknown, ...rest: unknown[]) => {
      if (typeof chunk === 'string') return write(redactSecrets(chunk), ...rest);
      if (chunk instanceof Uint8Array) return write(Buffer.from(redactSecrets(Buffer.from(chunk).toString('utf8')), 'utf8'), ...rest);
      return write(chunk, ...rest);
    };
  }
}
