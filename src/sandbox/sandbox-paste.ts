/** The sandbox's address and key as this session uses them, for a learner's own shell. */
export interface SandboxAccess {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * `export` lines that point a fresh shell (no ~/.aws, no AWS variables) at the sandbox: the AWS CLI,
 * boto3 and the SDKs all read these. The shown commands still carry --endpoint-url for CLIs that
 * ignore AWS_ENDPOINT_URL.
 */
export function sandboxPasteLines(access: SandboxAccess): string[] {
  return [
    `export AWS_ENDPOINT_URL=${shellWord(access.endpoint)}`,
    `export AWS_ACCESS_KEY_ID=${shellWord(access.accessKeyId)}`,
    `export AWS_SECRET_ACCESS_KEY=${shellWord(access.secretAccessKey)}`,
    `export AWS_REGION=${shellWord(access.region)}`,
    `export AWS_DEFAULT_REGION=${shellWord(access.region)}`,
  ];
}

// Plain values stay readable; anything a shell would interpret gets single quotes.
export function shellWord(value: string): string {
  return /^[A-Za-z0-9_.:/@%+=,-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
