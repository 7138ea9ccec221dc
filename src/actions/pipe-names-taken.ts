/**
 * Before step 5 creates or changes anything: is each name it would use free, or held by a resource
 * that is this learner's? A same-name target, role or pipe that is not (another learner's on a shared
 * sandbox, a hand-made role without the lab's tag, the older tag with nothing here saying this install
 * made it) is never tagged, changed or deleted: the step stops, says whose it seems to be, and offers
 * the first suffixed names (`input-stream-pipe-role-2`) that are free or already this learner's.
 */
import type { CheckResult } from '../engine/check-result.js';
import { kindName } from '../i18n/classroom-messages.js';
import type { Localized } from '../i18n/lang.js';
import type { ActionContext } from './action-context.js';
import { LAB_TAG_KEY } from '../resources/lab-tag.js';
import { isOurs, type Claim, type Ownership } from '../resources/ownership.js';
import type { PipeNames, PipeTargetKind } from '../resources/pipe-settings.js';
import { labCommand, type DiagnosisContext } from '../diagnose/diagnosis.js';
import { onSurface } from '../i18n/surface.js';
import { commandLine } from '../i18n/command-line.js';

/** A name the step would use, the step param that renames it, and how to look it up. */
interface NamedResource {
  kind: 'stream' | 'log-group' | 'iam-role' | 'pipe';
  param: 'targetStream' | 'logGroup' | 'roleName' | 'pipeName';
  name: string;
  region: string;
  /** The call that reads its tags, for the diagnosis when it fails (a missing permission names it). */
  operation: string;
  /** The resource's tags, or undefined when there is none of that name. */
  tagsOf(name: string): Promise<Record<string, string> | undefined>;
}

/** A name held by a resource that is not this learner's. */
export interface TakenName {
  kind: NamedResource['kind'];
  param: NamedResource['param'];
  name: string;
  claim: Exclude<Claim, 'mine' | 'legacy-mine'>;
  /** Its kinesis-lab tag, when it has one. */
  tag?: string;
  /** The first suffixed name that is free or this learner's. */
  instead: string;
}

/** How many suffixes to try before giving up on offering one (each try is one lookup). */
const MAX_SUFFIX = 9;

export function stepResources(ctx: ActionContext, names: PipeNames, target: PipeTargetKind): NamedResource[] {
  const list: NamedResource[] = [];
  if (target === 'logs') {
    const logs = ctx.logs;
    if (logs) list.push({ kind: 'log-group', param: 'logGroup', name: names.logGroup, region: ctx.region, operation: 'ListTagsForResource', tagsOf: async (n) => (await logs.describeLogGroup(n))?.tags });
  } else {
    list.push({ kind: 'stream', param: 'targetStream', name: names.targetStream, region: ctx.region, operation: 'ListTagsForStream', tagsOf: (n) => ctx.kinesis.streamTags(n) });
  }
  const iam = ctx.iam;
  if (iam) list.push({ kind: 'iam-role', param: 'roleName', name: names.role, region: 'global', operation: 'GetRole', tagsOf: async (n) => (await iam.getRole(n))?.tags });
  const pipes = ctx.pipes;
  if (pipes) list.push({ kind: 'pipe', param: 'pipeName', name: names.pipe, region: ctx.region, operation: 'DescribePipe', tagsOf: async (n) => (await pipes.describePipe(n))?.tags });
  return list;
}

/**
 * Every name of the step that is held by someone else's resource, each with a free name to use
 * instead. `at` hears which call is about to run, so a failure is diagnosed as that call's.
 */
export async function takenNames(resources: readonly NamedResource[], ownership: Ownership, at: (operation: string) => void = () => undefined): Promise<TakenName[]> {
  const taken: TakenName[] = [];
  for (const resource of resources) {
    at(resource.operation);
    const tags = await resource.tagsOf(resource.name);
    if (tags === undefined) continue;
    const claim = ownership.claim(tags, resource);
    if (isOurs(claim)) continue;
    const instead = await freeName(resource, ownership);
    taken.push({ kind: resource.kind, param: resource.param, name: resource.name, claim: claim as TakenName['claim'], ...(tags[LAB_TAG_KEY] ? { tag: tags[LAB_TAG_KEY] } : {}), instead });
  }
  return taken;
}

async function freeName(resource: NamedResource, ownership: Ownership): Promise<string> {
  for (let n = 2; n <= MAX_SUFFIX; n++) {
    const candidate = `${resource.name}-${n}`;
    const tags = await resource.tagsOf(candidate);
    if (tags === undefined || isOurs(ownership.claim(tags, { ...resource, name: candidate }))) return candidate;
  }
  // Every suffix is taken too: offer the last; the next run looks again.
  return `${resource.name}-${MAX_SUFFIX}`;
}

function whose(taken: TakenName): Localized {
  switch (taken.claim) {
    case 'legacy':
      return {
        en: `it carries the older tag kinesis-lab=${taken.tag} without an owner id, and this install's progress does not say it built it (it may be another learner's)`,
        ko: `소유자 ID가 없는 예전 태그 kinesis-lab=${taken.tag}가 붙어 있고, 이 설치의 진행 기록에는 이것을 만들었다는 내용이 없습니다(다른 학습자의 것일 수 있습니다)`,
      };
    case 'other':
      return taken.tag
        ? { en: `it is tagged kinesis-lab=${taken.tag}: another learner's lab (or another lab) made it`, ko: `kinesis-lab=${taken.tag} 태그가 붙어 있습니다. 다른 학습자의 실습(또는 다른 실습)이 만든 것입니다` }
        : { en: 'it has no kinesis-lab tag: it was made by hand or by another tool', ko: 'kinesis-lab 태그가 없습니다. 직접 만들었거나 다른 도구로 만든 것입니다' };
  }
}

/** The step's result when names are taken: what, whose, and the one-key fix (f, and `solve` by itself) with the free names. */
export function namesTakenResult(step: string, ctx: Pick<DiagnosisContext, 'surface' | 'command'>, taken: readonly TakenName[]): CheckResult {
  const list = (lang: 'en' | 'ko') => taken.map((t) => `${kindName(t.kind)[lang]} ${t.name}`).join(', ');
  const instead = taken.map((t) => t.instead).join(', ');
  return {
    step,
    outcome: 'failed',
    summary: {
      en: `A name this step uses is taken by something that is not yours: ${list('en')}. The lab never tags, changes or deletes what it did not make for you.`,
      ko: `이 단계가 쓰는 이름을 내 것이 아닌 리소스가 쓰고 있습니다: ${list('ko')}. 실습은 나를 위해 만든 것이 아니면 태그를 달거나 바꾸거나 지우지 않습니다.`,
    },
    evidence: taken.map((t) => ({ en: `${kindName(t.kind).en} ${t.name}: ${whose(t).en}.`, ko: `${kindName(t.kind).ko} ${t.name}: ${whose(t).ko}.` })),
    fix: onSurface(ctx.surface, {
      tui: {
        en: `Press f to do the step with ${instead} instead (${commandLine('solve')} does this by itself). If ${taken.length === 1 ? 'it is' : 'they are'} yours after all, delete ${taken.length === 1 ? 'it' : 'them'} by hand and press d again.`,
        ko: `f를 누르면 다른 이름(${instead})으로 단계를 진행합니다(${commandLine('solve')} 명령은 이것을 스스로 합니다). 사실 내 것이라면 직접 지운 뒤 d를 다시 누르세요.`,
      },
      cli: {
        en: `${labCommand(ctx, `solve ${step}`)} does the step with ${instead} instead, picking free names by itself. If ${taken.length === 1 ? 'it is' : 'they are'} yours after all, delete ${taken.length === 1 ? 'it' : 'them'} by hand and run it again.`,
        ko: `${labCommand(ctx, `solve ${step}`)} 명령은 다른 이름(${instead})으로 단계를 진행합니다(빈 이름을 스스로 고릅니다). 사실 내 것이라면 직접 지운 뒤 다시 실행하세요.`,
      },
    }),
    errorKind: 'name-taken',
    autoFix: { type: 'use-names', names: Object.fromEntries(taken.map((t) => [t.param, t.instead])) },
  };
}
