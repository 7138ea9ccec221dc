import { labTagValue } from '../resources/lab-tag.js';
import { readFootprint, regionsPath, rememberUse } from '../cleanup/lab-regions.js';
import { reconcileState } from '../engine/progress-codec.js';
import { emptyLedger } from '../engine/session-ledger.js';
import { ProgressStore } from '../files/progress-store.js';
import { initialState } from '../engine/step-state.js';
import { classroomMessages } from '../i18n/classroom-messages.js';
import type { Localized } from '../i18n/lang.js';
import { inBoth } from '../i18n/progress-messages.js';
import { DEFAULT_METRICS_DELAY_MS } from '../sandbox/cloudwatch/cloudwatch-service.js';
import { startLabSandbox } from '../sandbox/lab-sandbox.js';
import { buildLabContext, type ReadySettings } from './build-lab-context.js';
import { leaseIsServing, startOrJoinSandbox } from './embedded-sandbox.js';
import { labOwnership } from './lab-ownership.js';
import type { LabSession, PreparedLabSession } from './lab-session.js';
import { loadOwnerId } from './owner-id.js';
import { movedAsideNotice } from './progress-problems.js';
import { afterGrace } from './stop-signals.js';

/**
 * The slow half of opening a session: the learner's ownership of what the lab makes, the embedded
 * sandbox and the SDK clients. Its own module (and chunk of the bundle) so nothing before the lab's
 * first frame waits for the SDK to load.
 */
export async function startPreparedSession(prepared: PreparedLabSession): Promise<LabSession> {
  const { lab, deps, dir, saved, progressFile, load, progressTarget } = prepared;
  const settings = { ...prepared.settings };
  const owner = await loadOwnerId(dir);
  settings.ownerId = owner.id;
  const tag = labTagValue(lab.id, owner.id);
  const footprintPath = regionsPath(dir, lab.id, progressTarget);
  const footprint = await readFootprint(footprintPath);
  const salvaged = owner.replaced?.salvaged ? [labTagValue(lab.id, owner.replaced.salvaged)] : [];
  settings.ownership = labOwnership(lab, owner.id, [...footprint.tags, ...salvaged].filter((t) => t !== tag), saved);
  // Cleanup searches every region the lab ran in, for every tag it used; losing this note is harmless.
  await rememberUse(footprintPath, { region: settings.region, tag }).catch(() => undefined);

  let closeSandbox: () => Promise<void> = () => Promise.resolve();
  let sandboxNotices: readonly Localized[] = [];
  // The delay of a sandbox this process starts; a joined or separate sandbox keeps its own.
  let sandboxMetricsDelayMs: number | undefined;
  if (settings.embeddedSandbox) {
    const metricsDelayMs = deps.sandboxOptions?.metricsDelayMs ?? DEFAULT_METRICS_DELAY_MS;
    const sandbox = await startOrJoinSandbox({
      configDir: dir,
      pid: process.pid,
      isServing: leaseIsServing,
      start: (dataDir, port) => startLabSandbox({ ...deps.sandboxOptions, metricsDelayMs, dataDir, ...(port !== undefined ? { port } : {}) }),
    });
    settings.endpoint = sandbox.url;
    if (sandbox.endpointReturns) settings.endpointReturns = sandbox.endpointReturns;
    closeSandbox = () => sandbox.stop();
    sandboxNotices = sandbox.notices;
    if (sandbox.joinedPid === undefined) sandboxMetricsDelayMs = metricsDelayMs;
    else sandboxNotices = [...sandboxNotices, inBoth((t) => t.sandboxJoined(String(sandbox.joinedPid), sandbox.url))];
  }
  // What the embedded sandbox said about its data folder as it started, and a damaged owner-id file kept aside.
  const notices: Localized[] = [...sandboxNotices];
  if (load.kind === 'corrupt') notices.push(movedAsideNotice(load));
  if (owner.replaced) notices.push(ownerIdNotice(owner.replaced.backup, salvaged.length > 0));
  settings.signal = afterGrace([deps.signal]);
  const ready: ReadySettings = settings;
  const labCalls = new AbortController();
  const labSettings = (s: ReadySettings): ReadySettings => ({ ...s, signal: afterGrace([deps.signal, labCalls.signal]) });

  const fresh = initialState(lab.id, lab.steps.map((s) => s.id), lab.steps.filter((s) => s.comingNext).map((s) => s.id));
  // A different stream or region is a different lab run: its old step results say nothing about it.
  const sameRun = saved?.settings.stream === ready.stream && saved.settings.region === ready.region;
  const initial = sameRun ? { state: reconcileState(saved.state, fresh), ledger: saved.ledger } : { state: fresh, ledger: saved?.ledger ?? emptyLedger() };
  const target = { stream: ready.stream, region: ready.region, ...(ready.regionSource === 'switched' ? { regionSwitched: true } : {}) };

  // The runner swaps in its live ledger; direct checks (check command) read the saved one.
  const context = buildLabContext(labSettings(ready), lab.id, () => initial.ledger, sandboxMetricsDelayMs, deps.surface);
  const session: LabSession = {
    lab,
    settings: ready,
    context,
    progressFile,
    progress: new ProgressStore(progressFile, saved),
    load,
    initial: { ...initial, target },
    resumed: sameRun,
    limitsOff: deps.sandboxOptions?.limits === 'off',
    retarget(next) {
      // Cleanup searches every region the lab ran in; losing this note is harmless.
      // Best effort, not awaited: a region not remembered only narrows what cleanup searches.
      void rememberUse(footprintPath, { region: next.region, tag }).catch(() => undefined);
      const regionSource = next.region === session.settings.region ? session.settings.regionSource : 'switched';
      session.settings = { ...session.settings, stream: next.stream, region: next.region, regionSource };
      session.context = buildLabContext(labSettings(session.settings), lab.id, () => initial.ledger, sandboxMetricsDelayMs, deps.surface);
      return session.context;
    },
    stopLabCalls: () => labCalls.abort(new Error('the lab was closed')),
    ...(notices.length > 0 ? { notices } : {}),
    close: closeSandbox,
  };
  return session;
}

function ownerIdNotice(backup: string, salvaged: boolean): Localized {
  return { en: classroomMessages('en').ownerIdReplaced(backup, salvaged), ko: classroomMessages('ko').ownerIdReplaced(backup, salvaged) };
}
