/**
 * What the CLI prints so learners can point their own tools (AWS CLI, boto3, SDK scripts) at the
 * embedded sandbox.
 */
import { sandboxPasteLines, shellWord } from './sandbox-paste.js';
import { SANDBOX_CREDENTIALS } from './sandbox-types.js';

/** Shell lines to paste, and the flag for AWS CLIs that ignore AWS_ENDPOINT_URL. */
export interface SandboxEnvLines {
  /** `export NAME=value` lines, one per variable, safe to paste into bash or zsh. */
  env: string[];
  /**
   * `--endpoint-url http://…` to append to `aws …` commands. AWS CLI v2 before 2.13 (Debian's
   * packaged 2.9, for one) and CLI v1 before 1.29 ignore AWS_ENDPOINT_URL.
   */
  cliHint: string;
}

export function sandboxEnvLines(url: string, region: string): SandboxEnvLines {
  return {
    env: sandboxPasteLines({ endpoint: url, region, ...SANDBOX_CREDENTIALS }),
    cliHint: `--endpoint-url ${shellWord(url)}`,
  };
}
