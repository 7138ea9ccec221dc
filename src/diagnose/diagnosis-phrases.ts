import { commandLine } from '../i18n/command-line.js';
import type { Localized } from '../i18n/lang.js';
import type { DiagnosisContext } from './diagnosis.js';

/** Operations of services other than Kinesis, so the endpoint shown is the one actually called. */
const SERVICE_OF_OPERATION: Record<string, string> = {
  GetMetricData: 'monitoring',
  GetMetricStatistics: 'monitoring',
  ListMetrics: 'monitoring',
  CreatePipe: 'pipes',
  DescribePipe: 'pipes',
  ListPipes: 'pipes',
  UpdatePipe: 'pipes',
  DeletePipe: 'pipes',
  StartPipe: 'pipes',
  StopPipe: 'pipes',
  GetCallerIdentity: 'sts',
};

/** The endpoint the call went to: the configured one, or the public AWS endpoint of the region. */
export function endpointTried(ctx: DiagnosisContext): string {
  if (ctx.endpoint) return ctx.endpoint;
  const service = (ctx.operation && SERVICE_OF_OPERATION[ctx.operation]) || 'kinesis';
  const suffix = ctx.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://${service}.${ctx.region}.${suffix}`;
}

/** "region R (endpoint E)" or "the sandbox at E": where the failed call went. */
export function whereTried(ctx: DiagnosisContext): Localized {
  const endpoint = endpointTried(ctx);
  if (ctx.sandbox) return { en: `the sandbox at ${endpoint}`, ko: `샌드박스(${endpoint})` };
  return { en: `region ${ctx.region} (endpoint ${endpoint})`, ko: `${ctx.region} 리전(엔드포인트 ${endpoint})` };
}

/** The region as a learner reads it in a sentence: "region R" or "the sandbox". */
export function regionPhrase(ctx: DiagnosisContext): Localized {
  // The sandbox keeps streams per region too: a stream made in another region is "not found" here.
  if (ctx.sandbox) return { en: `region ${ctx.region} of the sandbox`, ko: `샌드박스의 ${ctx.region} 리전` };
  return { en: `region ${ctx.region}`, ko: `${ctx.region} 리전` };
}

/** The sandbox needs no AWS account; worth saying whenever the account itself is the obstacle. */
export function sandboxTip(): Localized {
  return {
    en: `To practise without an AWS account, run ${commandLine('--sandbox')}.`,
    ko: `AWS 계정 없이 연습하려면 ${commandLine('--sandbox')} 명령으로 실행하세요.`,
  };
}

/** `--profile X` for commands, when a named profile is in use. */
export function profileFlag(ctx: DiagnosisContext): string {
  return ctx.profile ? ` --profile ${ctx.profile}` : '';
}

/** A deadline as a learner reads it: `30 s` / `30초`, `1.5 s` / `1.5초`. */
export function secondsPhrase(ms: number): Localized {
  const n = Number((ms / 1000).toFixed(1));
  return { en: `${n} s`, ko: `${n}초` };
}

/** Joins sentences, skipping empty ones, so optional parts leave no double spaces; a part ending in a line break starts the next line. */
export function sentences(...parts: (string | undefined | false)[]): string {
  let text = '';
  for (const part of parts) {
    if (typeof part !== 'string' || part === '') continue;
    text += text === '' || text.endsWith('\n') ? part : ` ${part}`;
  }
  return text;
}

/** Applies `sentences` per language. */
export function joinLocalized(...parts: (Localized | undefined | false)[]): Localized {
  const present = parts.filter((part): part is Localized => part !== undefined && part !== false);
  return { en: sentences(...present.map((p) => p.en)), ko: sentences(...present.map((p) => p.ko)) };
}

/** Pretty JSON for IAM statements, indented to sit under a sentence. */
export function jsonBlock(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
