import { labTagValue } from '../resources/lab-tag.js';
import { createOwnership, type Ownership, type ResourceRef } from '../resources/ownership.js';
import { pipeNamesFor } from '../resources/pipe-settings.js';
import type { Lab } from '../content/lab-model.js';
import type { ProgressFile } from '../engine/progress-codec.js';
import { paramsWithChoices } from '../engine/session-ledger.js';

/**
 * This learner's ownership for a run: their tag (`<lab>/<owner-id>`), the tags this install used
 * before (remembered beside the regions, or salvaged from a damaged owner-id file), and, for resources
 * tagged the older way without an owner id, what this install's progress says it built.
 */
export function labOwnership(lab: Lab, ownerId: string | undefined, formerTags: readonly string[], progress: ProgressFile | undefined): Ownership {
  return createOwnership({ labId: lab.id, tag: labTagValue(lab.id, ownerId), formerTags, builtHere: progress ? builtByThisInstall(lab, progress) : [] });
}

/**
 * What the progress says "do it for me" built: a step done in auto mode that got past pending ran its
 * action here, with the progress's stream, region and the step's names.
 */
export function builtByThisInstall(lab: Lab, progress: ProgressFile): ResourceRef[] {
  const { stream, region } = progress.settings;
  const refs: ResourceRef[] = [];
  for (const step of lab.steps) {
    const state = progress.state.steps[step.id];
    if (!step.action || state?.mode !== 'auto' || state.status === 'pending') continue;
    if (step.action.kind === 'create-stream') refs.push({ kind: 'stream', name: stream, region });
    if (step.action.kind === 'create-pipe') {
      const names = pipeNamesFor(stream, paramsWithChoices(progress.ledger, step.id, step.action.params));
      refs.push(
        { kind: 'pipe', name: names.pipe, region },
        { kind: 'iam-role', name: names.role, region: 'global' },
        { kind: 'stream', name: names.targetStream, region },
        { kind: 'log-group', name: names.logGroup, region },
      );
    }
  }
  return refs;
}
