/**
 * A learner's own access key on a room sandbox, where every access key id is an account of its own
 * (src/sandbox/sandbox-accounts.ts): derived from the class code and the learner's id — the random id
 * their install keeps for that class (learner-identity.ts), the one their board row carries. So the
 * same learner gets the same key, and so the same account with their streams, pipes and metrics, every
 * time they join from that install, whatever `--name` they give; two learners, even with one name,
 * never share one; and nothing has to be handed out or remembered by the sandbox.
 *
 * It is a key for a sandbox with no authentication, not a secret: the lab shows it for pasting into the
 * learner's own shell, as it shows the sandbox's default key.
 */
import { createHash } from 'node:crypto';

/** The base32 alphabet AWS access key ids are written in. */
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export interface LearnerKey {
  accessKeyId: string;
  secretAccessKey: string;
}

export function learnerKey(classCode: string, learnerId: string): LearnerKey {
  const digest = createHash('sha256').update(`kinesis-lab learner key\u0000${classCode}\u0000${learnerId}`).digest();
  let id = '';
  for (let i = 0; i < 16; i++) id += KEY_ALPHABET[digest[i]! % 32]!;
  return { accessKeyId: `AKIA${id}`, secretAccessKey: `kinesis-lab-class-${digest.subarray(16).toString('base64url')}` };
}
