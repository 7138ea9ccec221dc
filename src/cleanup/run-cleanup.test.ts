import { describe, expect, it } from 'vitest';
import type { OwnedResource, OwnedResourceProbe } from './owned-resource.js';
import { billingStopped } from './owned-resource.js';
import { deleteOwned, takeInventory, type CleanupEvent } from './run-cleanup.js';
import { createOwnership, isLabTag } from '../resources/ownership.js';

/** This learner: lab `kds`, owner `me`; the progress says this install built stream `old` in us-east-1 before owner ids. */
const ME = createOwnership({ labId: 'kds', tag: 'kds/me', formerTags: ['kds/was-me'], builtHere: [{ kind: 'stream', name: 'old', region: 'us-east-1' }] });

/** An in-memory account: resources by region, each with tags; probes find by tag like the real ones. */
function account(resources: (OwnedResource & { tag?: string })[], opts: { failDelete?: string; failRegion?: string } = {}) {
  const live = [...resources];
  const log: string[] = [];
  const probe = (kind: string, order: number, scope: 'regional' | 'global' = 'regional'): OwnedResourceProbe => ({
    kind, order, scope,
    async find(region, labId) {
      if (region === opts.failRegion) throw Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' });
      return live.filter((r) => r.kind === kind && r.region === region && isLabTag(r.tag, labId));
    },
    async delete(r) {
      if (r.name === opts.failDelete) throw Object.assign(new Error('in use'), { name: 'ResourceInUseException' });
      log.push(`delete ${r.kind} ${r.name} ${r.region}`);
    },
    async waitGone(r) {
      live.splice(live.findIndex((x) => x.kind === r.kind && x.name === r.name && x.region === r.region), 1);
      log.push(`gone ${r.kind} ${r.name} ${r.region}`);
    },
  });
  return { live, log, probes: [probe('stream', 50), probe('pipe', 10), probe('iam-role', 90, 'global')] };
}

const stream = (name: string, region: string, tag: string | undefined, openShards = 1, onDemand = false) => ({ kind: 'stream', name, region, tag, openShards, onDemand });

describe('cleanup inventory and deletion', () => {
  it("finds only this learner's tagged resources, in every region, global kinds once, ordered pipe → streams → role", async () => {
    const a = account([
      stream('input-stream', 'us-east-1', 'kds/me', 2),
      stream('input-stream', 'ap-northeast-2', undefined),
      stream('mine', 'ap-northeast-2', 'someone-else'),
      stream('theirs', 'ap-northeast-2', 'kds/other-learner'),
      stream('target', 'ap-northeast-2', 'kds/was-me', 0, true),
      { kind: 'pipe', name: 'p', region: 'ap-northeast-2', tag: 'kds/me', openShards: 0, onDemand: false },
      { kind: 'iam-role', name: 'kinesis-lab-pipe-role', region: 'global', tag: 'kds/me', openShards: 0, onDemand: false },
    ]);
    const inventory = await takeInventory(a.probes, ['ap-northeast-2', 'us-east-1'], ME);
    expect(inventory.gaps).toEqual([]);
    expect(inventory.unconfirmed).toEqual([]);
    expect(inventory.searched).toBe(5);
    expect(inventory.resources.map((r) => `${r.kind} ${r.name} ${r.region}`)).toEqual([
      'pipe p ap-northeast-2',
      'stream target ap-northeast-2',
      'stream input-stream us-east-1',
      'iam-role kinesis-lab-pipe-role global',
    ]);
    expect(billingStopped(inventory.resources)).toEqual({ shardHoursPerHour: 2, onDemandStreams: 1 });

    const events: CleanupEvent['type'][] = [];
    const outcome = await deleteOwned(inventory.resources, a.probes, (e) => events.push(e.type));
    expect(a.log).toEqual([
      'delete pipe p ap-northeast-2', 'gone pipe p ap-northeast-2',
      'delete stream target ap-northeast-2', 'gone stream target ap-northeast-2',
      'delete stream input-stream us-east-1', 'gone stream input-stream us-east-1',
      'delete iam-role kinesis-lab-pipe-role global', 'gone iam-role kinesis-lab-pipe-role global',
    ]);
    expect(events).toEqual(['deleting', 'deleted', 'deleting', 'deleted', 'deleting', 'deleted', 'deleting', 'deleted']);
    expect(outcome.stopped).toEqual({ shardHoursPerHour: 2, onDemandStreams: 1 });
    expect(a.live.map((r) => `${r.name} ${r.region} ${r.tag}`)).toEqual(['input-stream ap-northeast-2 undefined', 'mine ap-northeast-2 someone-else', 'theirs ap-northeast-2 kds/other-learner']);
  });

  it('the older tag without an owner id: this install\'s when its progress built it, unconfirmed otherwise', async () => {
    const a = account([stream('old', 'us-east-1', 'kds'), stream('old', 'eu-west-1', 'kds'), stream('stranger', 'us-east-1', 'kds')]);
    const inventory = await takeInventory(a.probes, ['us-east-1', 'eu-west-1'], ME);
    expect(inventory.resources.map((r) => `${r.name} ${r.region}`)).toEqual(['old us-east-1']);
    expect(inventory.unconfirmed.map((r) => `${r.name} ${r.region}`)).toEqual(['old eu-west-1', 'stranger us-east-1']);
  });

  it('reports a region it could not search and a resource it could not delete, and goes on', async () => {
    const a = account([stream('a', 'us-east-1', 'kds/me'), stream('b', 'us-east-1', 'kds/me', 3)], { failRegion: 'eu-west-1', failDelete: 'a' });
    const inventory = await takeInventory(a.probes, ['us-east-1', 'eu-west-1'], ME);
    expect(inventory.gaps.map((g) => `${g.kind} ${g.region}`)).toEqual(['stream eu-west-1', 'pipe eu-west-1']);
    const outcome = await deleteOwned(inventory.resources, a.probes, () => undefined);
    expect(outcome.failed.map((f) => f.resource.name)).toEqual(['a']);
    expect(outcome.deleted.map((r) => r.name)).toEqual(['b']);
    expect(outcome.stopped).toEqual({ shardHoursPerHour: 3, onDemandStreams: 0 });
  });
});
