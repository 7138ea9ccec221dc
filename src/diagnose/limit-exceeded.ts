import { named, type CatalogEntry } from './catalog-entry.js';
import { joinLocalized, sandboxTip } from './diagnosis-phrases.js';
import { onSurface } from '../i18n/surface.js';

/** Too many calls or streams changing at once settle within seconds. */
const LIMIT_RETRY_MS = 5000;

/** "This request would exceed the shard limit for the account N in REGION. …" */
const shardLimit: CatalogEntry = {
  kind: 'shard-limit',
  matches: (input) => named(input, 'LimitExceededException') && /shard limit|shard quota/i.test(input.error.message),
  diagnose: ({ error, ctx }) => ({
    kind: 'shard-limit',
    what: { en: `The account has no room for more shards in ${ctx.region}.`, ko: `${ctx.region} 리전에서 계정의 샤드 한도가 다 찼습니다.` },
    why: {
      en: `Each account has a per-region shard quota for provisioned streams (often 200 or 500), and every open shard of every stream counts. AWS said: ${error.message}`,
      ko: `계정마다 리전별 프로비저닝 샤드 한도(보통 200개나 500개)가 있고, 모든 스트림의 열린 샤드가 여기에 포함됩니다. AWS 메시지: ${error.message}`,
    },
    fix: joinLocalized(
      {
        en: `Ask for fewer shards (the lab needs 1); delete streams you no longer need (aws kinesis list-streams --region ${ctx.region}, then aws kinesis delete-stream --stream-name NAME); or request a higher quota in the Service Quotas console.`,
        ko: `샤드 수를 줄이거나(실습에는 1개면 됩니다), 필요 없는 스트림을 삭제하거나(aws kinesis list-streams --region ${ctx.region} 후 aws kinesis delete-stream --stream-name 이름), Service Quotas 콘솔에서 한도 증가를 요청하세요.`,
      },
      sandboxTip(),
    ),
  }),
};

/** Other LimitExceededException: too many streams CREATING at once, or too many control-plane calls for one stream. */
const requestLimit: CatalogEntry = {
  kind: 'request-limit',
  matches: (input) => named(input, 'LimitExceededException'),
  diagnose: ({ error, ctx }) => ({
    kind: 'request-limit',
    what: { en: 'AWS refused the request for now: a limit on simultaneous operations was reached.', ko: '동시에 처리할 수 있는 작업 한도에 걸려 AWS가 요청을 잠시 거부했습니다.' },
    why: {
      en: `For example, at most 5 streams can be CREATING at once, and each stream takes only a few management calls per second. AWS said: ${error.message}`,
      ko: `예를 들어 CREATING 상태의 스트림은 동시에 5개까지이고, 스트림마다 초당 관리 호출 수도 적습니다. AWS 메시지: ${error.message}`,
    },
    fix: onSurface(ctx.surface, {
      tui: { en: 'Wait a few seconds and retry (press the key below).', ko: '몇 초 기다렸다가 다시 시도하세요(아래 키).' },
      cli: { en: 'Wait a few seconds and run the same command again.', ko: '몇 초 기다린 뒤 같은 명령을 다시 실행하세요.' },
    }),
    autoFix: { type: 'wait-and-retry', delayMs: LIMIT_RETRY_MS },
  }),
};

/** EventBridge Pipes' ServiceQuotaExceededException (402): too many pipes in the account. */
const pipeQuota: CatalogEntry = {
  kind: 'pipe-quota',
  matches: (input) => named(input, 'ServiceQuotaExceededException'),
  diagnose: ({ error, ctx }) => ({
    kind: 'pipe-quota',
    what: { en: `The account cannot have more pipes in ${ctx.region}.`, ko: `${ctx.region} 리전에서 계정의 파이프 한도가 다 찼습니다.` },
    why: { en: `EventBridge Pipes has a per-region quota on pipes. AWS said: ${error.message}`, ko: `EventBridge Pipes에는 리전별 파이프 수 한도가 있습니다. AWS 메시지: ${error.message}` },
    fix: {
      en: `Delete pipes you no longer need (aws pipes list-pipes --region ${ctx.region}, then aws pipes delete-pipe --name NAME), or request a higher quota in Service Quotas.`,
      ko: `필요 없는 파이프를 삭제하거나(aws pipes list-pipes --region ${ctx.region} 후 aws pipes delete-pipe --name 이름), Service Quotas에서 한도 증가를 요청하세요.`,
    },
  }),
};

export const LIMIT_EXCEEDED_ENTRIES: readonly CatalogEntry[] = [shardLimit, requestLimit, pipeQuota];
