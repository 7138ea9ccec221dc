/**
 * Whose a resource is, proved from its `kinesis-lab` tag and never assumed from its name. The lab
 * adopts, changes or deletes only what is this learner's; a same-name resource of anyone else (another
 * learner on a shared sandbox, a teammate, a hand-made role without a tag) is left exactly as it is.
 * Pure: the CLI builds one per run from the owner id, the tags this install used before and what its
 * progress says it built; "do it for me" and cleanup ask it the same question.
 */
import { LAB_TAG_KEY, labTagOf } from './lab-tag.js';

/** The kinds of resource the lab makes, in the words cleanup prints: `stream`, `pipe`, `iam-role`, `log-group`. */
export interface ResourceRef {
  kind: string;
  name: string;
  /** `global` for IAM. */
  region: string;
}

/**
 * - `mine`: this learner's tag, or one this install used before (its owner-id file was replaced);
 * - `legacy-mine`: the older tag without an owner id (`kinesis-lab=<lab>`), on a resource this
 *   install's progress says it built — made by the lab before owner ids existed;
 * - `legacy`: the older tag, and nothing here says this install made it: as likely another learner's;
 * - `other`: another learner's tag, another lab's, or no lab tag at all.
 */
export type Claim = 'mine' | 'legacy-mine' | 'legacy' | 'other';

export interface Ownership {
  labId: string;
  /** The tag value this learner's new resources get: `<lab>/<owner-id>`. */
  tag: string;
  claim(tags: Readonly<Record<string, string>> | undefined, ref: ResourceRef): Claim;
}

export interface OwnershipInput {
  labId: string;
  tag: string;
  /** Tags this install put on resources before (a replaced owner id); still this learner's. */
  formerTags?: readonly string[];
  /** What this install's progress says the lab built here (name, kind, region). */
  builtHere?: readonly ResourceRef[];
}

export function createOwnership(input: OwnershipInput): Ownership {
  const mine = new Set([input.tag, ...(input.formerTags ?? [])]);
  const built = new Set((input.builtHere ?? []).map(refKey));
  return {
    labId: input.labId,
    tag: input.tag,
    claim(tags, ref) {
      const tag = tags?.[LAB_TAG_KEY];
      if (tag === undefined) return 'other';
      if (mine.has(tag)) return 'mine';
      if (tag === input.labId) return built.has(refKey(ref)) ? 'legacy-mine' : 'legacy';
      return 'other';
    },
  };
}

/** The run's ownership, or (a context built by hand, as tests do) one that knows only the run's own tag. */
export function ownershipOf(ctx: { labId: string; labTag?: string; ownership?: Ownership }): Ownership {
  return ctx.ownership ?? createOwnership({ labId: ctx.labId, tag: labTagOf(ctx) });
}

export function isOurs(claim: Claim): boolean {
  return claim === 'mine' || claim === 'legacy-mine';
}

/** A tag value of this lab, any owner's or the older form: what cleanup's searches collect before asking whose. */
export function isLabTag(tag: string | undefined, labId: string): tag is string {
  return tag === labId || (tag?.startsWith(`${labId}/`) ?? false);
}

function refKey(ref: ResourceRef): string {
  return `${ref.kind}\u0000${ref.region}\u0000${ref.name}`;
}
