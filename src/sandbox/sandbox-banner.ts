/**
 * What the CLI prints so learners can point their own tools (AWS CLI, boto3, SDK scripts) at the
 * embedded sandbox.
 */
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
    env: [
      `export AWS_ENDPOINT_URL=${shellQuote(url)}`,
      `export AWS_ACCESS_KEY_ID=${shellQuote(SANDBOX_CREDENTIALS.accessKeyId)}`,
      `export AWS_SECRET_ACCESS_KEY=${shellQuote(SANDBOX_CREDENTIALS.secretAccessKey)}`,
      `export AWS_REGION=${shellQuote(region)}`,
      `export AWS_DEFAULT_REGION=${shellQuote(region)}`,
    ],
    cliHint: `--endpoint-url ${shellQuote(url)}`,
  };
}

// Plain values stay readable; anything a shell would interpret gets single quotes.
function shellQuote(value: string): string {
  return /^[A-Za-z0-9_.:/@%+=,-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
