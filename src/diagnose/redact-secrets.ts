/**
 * The one redaction path. Every line the lab prints (the CLI wraps stdout and stderr with it, the
 * full-screen UI included) and every diagnosis it saves passes through `redactSecrets`, which removes
 * two kinds of secret:
 *
 * - by shape: SigV4 signatures and credentials, session-token headers, secret keys written as
 *   config lines, environment variables or JSON, access key ids, passwords in URLs, Basic and Bearer
 *   authorization;
 * - by value: the credentials this process knows (environment, profile files, endpoint URLs, and
 *   what each signed request carried), so a token echoed back bare by an endpoint is caught too.
 *
 * Known values are process-wide on purpose: they are facts about the process, learned at start-up
 * and by the request handler, and the texts to clean are made deep inside code that has no reason to
 * be handed them.
 */

const REDACTED = '[redacted]';
/** Shorter values would match ordinary words; URL passwords that short are still caught by shape. */
const MIN_SECRET_LENGTH = 6;

const known = new Set<string>();
/** The placeholder the diagnosis catalog itself shows (`export AWS_ACCESS_KEY_ID=sandbox …`), never a secret. */
const published = new Set<string>(['sandbox']);

/** A credential this process holds: never printed or saved, wherever it appears. */
export function rememberSecret(value: string | undefined): void {
  const text = value?.trim();
  if (!text || text.length < MIN_SECRET_LENGTH || published.has(text)) return;
  known.add(text);
  // In a URL or a form body the same value travels percent-encoded (a secret key's `/` and `+`).
  const encoded = encodeURIComponent(text);
  if (encoded !== text) known.add(encoded);
}

/**
 * Values that look like credentials but are printed on purpose: the sandbox's dummy keys, which
 * learners paste into their own shell.
 */
export function publishValue(value: string): void {
  published.add(value);
  known.delete(value);
}

// A value may start after colour codes and ends at white space, a separator, a quote or an escape
// sequence (the full-screen lab colours text).
const KEY_VALUE_PATTERNS: readonly RegExp[] = [
  // eslint-disable-next-line no-control-regex -- ESC starts the colour codes matched on purpose
  /\b(X-Amz-Signature|X-Amz-Security-Token|X-Amz-Credential|Signature|Credential)(\s*[=:]\s*(?:\u001b\[[0-9;]*m)*)([^\s&,;"'\u001b]+)/gi,
  // eslint-disable-next-line no-control-regex -- ESC starts the colour codes matched on purpose
  /\b(aws_secret_access_key|aws_session_token|aws_security_token|aws_access_key_id|secret_?access_?key|session_?token|access_?key_?id)(["']?\s*[=:]\s*["']?(?:\u001b\[[0-9;]*m)*)([^\s&,;"'\u001b]+)/gi,
  /\b(Basic|Bearer)(\s+)([A-Za-z0-9+/=._~-]{8,})/g,
];

export function redactSecrets(text: string): string {
  let out = text;
  for (const pattern of KEY_VALUE_PATTERNS) out = out.replace(pattern, (whole, key: string, sep: string, value: string) => (published.has(value) ? whole : `${key}${sep}${REDACTED}`));
  out = out.replace(/\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{16}\b/g, (id) => (published.has(id) ? id : REDACTED));
  // scheme://user:password@host → scheme://[redacted]@host: the user name often says whose password it is.
  // eslint-disable-next-line no-control-regex -- ESC ends a coloured URL
  out = out.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@"'<>\u001b]+@/gi, `$1${REDACTED}@`);
  // Longest first, so a value that contains another is removed whole.
  for (const secret of [...known].sort((a, b) => b.length - a.length)) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}
