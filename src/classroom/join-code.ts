/**
 * The short code learners type after `--class`: where the class progress stream is. It is
 * `KL1-` + base64url(JSON), e.g. `KL1-eyJzIjoia2luZXNpcy1sYWItY2xhc3MiLCJyIjoidXMtZWFzdC0xIn0`:
 *
 *   { "s": stream name, "r": region, "a"?: stream ARN (real AWS: learners write across accounts),
 *     "e"?: endpoint (a room sandbox) }
 *
 * It holds nothing secret: anyone with it may put events on the stream, which is what it is for.
 */
export interface ClassLocation {
  stream: string;
  region: string;
  /** Present on real AWS, where a learner's PutRecord names the instructor's stream by ARN. */
  arn?: string;
  /** Present for a sandbox served to the room. */
  endpoint?: string;
}

const PREFIX = 'KL1-';

export function encodeJoinCode(location: ClassLocation): string {
  const body: Record<string, string> = { s: location.stream, r: location.region };
  if (location.arn) body.a = location.arn;
  if (location.endpoint) body.e = location.endpoint;
  return PREFIX + Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

export type DecodedJoinCode = { ok: true; value: ClassLocation } | { ok: false; message: { en: string; ko: string } };

export function decodeJoinCode(code: string): DecodedJoinCode {
  const bad = (why: string, ko: string): DecodedJoinCode => ({
    ok: false,
    message: { en: `"${shorten(code)}" is not a class code (${why}); copy the whole code the instructor printed, starting with KL1-`, ko: `입력한 코드("${shorten(code)}")는 수업 코드가 아닙니다(${ko}). 강사가 출력한 코드 전체를 KL1-부터 복사하세요.` },
  });
  const trimmed = code.trim();
  if (!trimmed.startsWith(PREFIX)) return bad('it does not start with KL1-', 'KL1-로 시작하지 않음');
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(trimmed.slice(PREFIX.length), 'base64url').toString('utf8'));
  } catch {
    return bad('it is cut off or mistyped', '잘렸거나 잘못 입력됨');
  }
  if (typeof body !== 'object' || body === null) return bad('it is cut off or mistyped', '잘렸거나 잘못 입력됨');
  const b = body as Record<string, unknown>;
  if (typeof b.s !== 'string' || typeof b.r !== 'string' || !/^[a-zA-Z0-9_.-]{1,128}$/.test(b.s) || !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(b.r)) {
    return bad('it is cut off or mistyped', '잘렸거나 잘못 입력됨');
  }
  const value: ClassLocation = { stream: b.s, region: b.r };
  if (typeof b.a === 'string' && b.a.startsWith('arn:')) value.arn = b.a;
  if (typeof b.e === 'string') {
    if (!/^https?:\/\//.test(b.e)) return bad('its endpoint is not a URL', '엔드포인트가 URL이 아님');
    value.endpoint = b.e;
  }
  return { ok: true, value };
}

function shorten(code: string): string {
  return code.length > 24 ? `${code.slice(0, 21)}…` : code;
}
