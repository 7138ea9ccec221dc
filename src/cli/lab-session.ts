import { ACTION_KINDS } from '../actions/action-registry.js';
import type { LabContext } from '../checks/check-context.js';
import { CHECK_KINDS } from '../checks/check-registry.js';
import type { Lab } from '../content/lab-model.js';
import { loadLab } from '../content/load-lab.js';
import { labDir } from '../content/locate-labs.js';
import { reconcileState, type ProgressFile } from '../engine/progress-codec.js';
import { configDir, loadProgress, progressPath, saveProgress, type LoadResult } from '../files/progress-store.js';
import { emptyLedger, type SessionLedger } from '../engine/session-ledger.js';
import { initialState, type LabState } from '../engine/step-state.js';
import { DEFAULT_METRICS_DELAY_MS } from '../sandbox/cloudwatch/cloudwatch-service.js';
import { startLabSandbox } from '../sandbox/lab-sandbox.js';
import { readFootprint, regionsPath, rememberUse } from '../cleanup/lab-regions.js';
import { labTagValue } from '../actions/create-stream.js';
import { classroomMessages } from '../i18n/classroom-messages.js';
import { labOwnership } from './lab-ownership.js';
import type { LabRunner } from '../runner/lab-runner.js';
import { PANEL_KINDS } from '../ui/panels/panel-registry.js';
import { embeddedFaults } from './fault-flags.js';
import { loadOwnerId } from './owner-id.js';
import { validateMetricsDelay } from '../validate/metrics-delay.js';
import { buildLabContext, type ReadySettings } from './build-lab-context.js';
import { leaseIsServing, startOrJoinSandbox } from './embedded-sandbox.js';
import type { GlobalOptions } from './parse-args.js';
import { resolveRunSettings, type RunSettings } from './run-settings.js';
import { orUsageError, UsageError } from './usage-error.js';
import type { Localized } from '../i18n/lang.js';
import { afterGrace } from './stop-signals.js';
import { checkConfigHome } from './config-home.js';

export const LAB_ID = 'kinesis-data-streams';

/** Everything a command needs to run the lab: the content, where it runs, saved progress, adapters. */
export interface LabSession {
  lab: Lab;
  settings: ReadySettings;
  context: LabContext;
  progressFile: string;
  load: LoadResult;
  initial: { state: LabState; ledger: SessionLedger; target?: ProgressFile['settings'] };
  /** True when this run resumed saved progress. */
  resumed: boolean;
  /** Listeners given every runner made for this session (the class reporter); they only watch. */
  runnerObservers?: ((runner: LabRunner) => void)[];
  /**
   * Builds the adapters for another stream or region (a diagnosis's one-key fix) and makes them and
   * the new settings this session's, so solutions and the lines after the lab follow the switch.
   */
  retarget(target: ProgressFile['settings']): LabContext;
  /**
   * Ends the lab's own AWS calls (checks and actions) after a short grace, when the learner quits the
   * full-screen lab: quitting never waits on an endpoint that does not answer. Cleanup's calls after
   * the lab are not affected.
   */
  stopLabCalls(): void;
  /** Things the learner must be told before anything else (a damaged owner-id file kept aside, what the sandbox repaired in its data folder). */
  notices?: Localized[];
  close(): Promise<void>;
}

export interface SessionDeps {
  env: NodeJS.ProcessEnv;
  /** Asks the learner for a region when nothing else names one; absent in non-interactive commands. */
  askRegion?: () => Promise<string>;
  /** Options for the embedded sandbox (metrics delay …). */
  sandboxOptions?: Parameters<typeof startLabSandbox>[0];
  /** The command's stop signal (Ctrl+C, SIGTERM): AWS calls in flight end a grace period after it. */
  signal?: AbortSignal;
}

/** No region anywhere and nobody to ask (not a terminal): a usage error, exit 2. */
export class MissingRegionError extends UsageError {
  constructor() {
    super({
      en: 'no AWS region: pass --region, or set AWS_REGION (e.g. export AWS_REGION=ap-northeast-2)',
      ko: 'AWS 리전이 없습니다. --region을 주거나 AWS_REGION을 설정하세요(예: export AWS_REGION=ap-northeast-2)',
    });
  }
}

export async function openLabSession(global: GlobalOptions, deps: SessionDeps): Promise<LabSession> {
  const lab = await loadLab(labDir(LAB_ID), { checkKinds: CHECK_KINDS, actionKinds: ACTION_KINDS, panelKinds: PANEL_KINDS });
  const dir = configDir(deps.env);
  // Progress is kept per target so sandbox practice never mixes with a real-AWS run.
  const provisional = await resolveRunSettings(global, deps.env);
  const progressFile = progressPath(dir, lab.id, provisional.target);
  await checkConfigHome(dir, progressFile, deps.env);
  const load = await loadProgress(progressFile);
  const saved = load.kind === 'loaded' ? load.file : undefined;
  const settings: RunSettings = saved ? await resolveRunSettings(global, deps.env, saved.settings) : provisional;
  // A region the learner switched to in the lab is a choice made after the environment was set: only --region overrides it.
  if (saved?.settings.regionSwitched && global.region === undefined) [settings.region, settings.regionSource] = [saved.settings.region, 'switched'];

  if (settings.region === undefined) {
    if (!deps.askRegion) throw new MissingRegionError();
    settings.region = await deps.askRegion();
    settings.regionSource = 'asked';
  }
  const owner = await loadOwnerId(dir);
  settings.ownerId = owner.id;
  const tag = labTagValue(lab.id, owner.id);
  const footprintPath = regionsPath(dir, lab.id, provisional.target);
  const footprint = await readFootprint(footprintPath);
  const salvaged = owner.replaced?.salvaged ? [labTagValue(lab.id, owner.replaced.salvaged)] : [];
  settings.ownership = labOwnership(lab, owner.id, [...footprint.tags, ...salvaged].filter((t) => t !== tag), saved);
  // Cleanup searches every region the lab ran in, for every tag it used; losing this note is harmless.
  await rememberUse(footprintPath, { region: settings.region, tag }).catch(() => undefined);

  const faults = embeddedFaults(global, settings.embeddedSandbox);
  if (faults) deps = { ...deps, sandboxOptions: { ...deps.sandboxOptions, faults } };
  let closeSandbox: () => Promise<void> = () => Promise.resolve();
  let sandboxNotices: readonly Localized[] = [];
  // The delay of a sandbox this process starts; a joined or separate sandbox keeps its own.
  let sandboxMetricsDelayMs: number | undefined;
  if (global.metricsDelay !== undefined && !settings.embeddedSandbox) {
    throw new UsageError({
      en: "--metrics-delay sets the embedded sandbox's CloudWatch delay: use it with --sandbox, or on kinesis-lab sandbox",
      ko: '--metrics-delay는 내장 샌드박스의 CloudWatch 지연 시간입니다. --sandbox와 함께 쓰거나 kinesis-lab sandbox에 쓰세요',
    });
  }
  if (settings.embeddedSandbox) {
    const metricsDelayMs =
      global.metricsDelay !== undefined ? orUsageError(validateMetricsDelay(global.metricsDelay), '--metrics-delay') : (deps.sandboxOptions?.metricsDelayMs ?? DEFAULT_METRICS_DELAY_MS);
    const sandbox = await startOrJoinSandbox({
      configDir: dir,
      pid: process.pid,
      isServing: leaseIsServing,
      start: (dataDir) => startLabSandbox({ ...deps.sandboxOptions, metricsDelayMs, dataDir }),
    });
    settings.endpoint = sandbox.url;
    closeSandbox = () => sandbox.stop();
    sandboxNotices = sandbox.notices;
    if (!sandbox.joined) sandboxMetricsDelayMs = metricsDelayMs;
  }
  // What the embedded sandbox said about its data folder as it started, and a damaged owner-id file kept aside.
  const notices: Localized[] = [...sandboxNotices];
  if (owner.replaced) notices.push(ownerIdNotice(owner.replaced.backup, salvaged.length > 0));
  settings.signal = afterGrace([deps.signal]);
  const ready = settings as ReadySettings;
  const labCalls = new AbortController();
  const labSettings = (s: ReadySettings): ReadySettings => ({ ...s, signal: afterGrace([deps.signal, labCalls.signal]) });

  const fresh = initialState(lab.id, lab.steps.map((s) => s.id), lab.steps.filter((s) => s.comingNext).map((s) => s.id));
  // A different stream or region is a different lab run: its old step results say nothing about it.
  const sameRun = saved?.settings.stream === ready.stream && saved.settings.region === ready.region;
  const initial = sameRun ? { state: reconcileState(saved.state, fresh), ledger: saved.ledger } : { state: fresh, ledger: saved?.ledger ?? emptyLedger() };
  const target = { stream: ready.stream, region: ready.region, ...(ready.regionSource === 'switched' ? { regionSwitched: true } : {}) };

  // The runner swaps in its live ledger; direct checks (check command) read the saved one.
  const context = buildLabContext(labSettings(ready), lab.id, () => initial.ledger, sandboxMetricsDelayMs);
  const session: LabSession = {
    lab,
    settings: ready,
    context,
    progressFile,
    load,
    initial: { ...initial, target },
    resumed: sameRun,
    retarget(next) {
      // Cleanup searches every region the lab ran in; losing this note is harmless.
      // Best effort, not awaited: a region not remembered only narrows what cleanup searches.
      void rememberUse(footprintPath, { region: next.region, tag }).catch(() => undefined);
      const regionSource = next.region === session.settings.region ? session.settings.regionSource : 'switched';
      session.settings = { ...session.settings, stream: next.stream, region: next.region, regionSource };
      session.context = buildLabContext(labSettings(session.settings), lab.id, () => initial.ledger, sandboxMetricsDelayMs);
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

export async function saveSessionProgress(session: LabSession, snapshot: { settings: ProgressFile['settings']; state: LabState; ledger: SessionLedger }): Promise<void> {
  await saveProgress(session.progressFile, { formatVersion: 1, savedAt: new Date().toISOString(), ...snapshot });
}
