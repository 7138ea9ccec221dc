import { ACTION_KINDS } from '../actions/action-kinds.js';
import type { LabContext } from '../checks/check-context.js';
import { CHECK_KINDS } from '../checks/check-kinds.js';
import type { Lab } from '../content/lab-model.js';
import { loadLab } from '../content/load-lab.js';
import { labDir } from '../content/locate-labs.js';
import type { ProgressFile } from '../engine/progress-codec.js';
import type { SessionLedger } from '../engine/session-ledger.js';
import type { LabState } from '../engine/step-state.js';
import { configDir, loadProgress, progressPath, type LoadResult, type ProgressStore } from '../files/progress-store.js';
import { commandLine } from '../i18n/command-line.js';
import type { Localized } from '../i18n/lang.js';
import type { Surface } from '../i18n/surface.js';
import type { LabRunner, SaveOutcome } from '../runner/lab-runner.js';
import type { LabSandboxOptions } from '../sandbox/lab-sandbox.js';
import { PANEL_KINDS } from '../ui/panels/panel-kinds.js';
import { validateMetricsDelay } from '../validate/metrics-delay.js';
import type { ReadySettings } from './build-lab-context.js';
import { checkConfigHome } from './config-home.js';
import { embeddedFaults, embeddedLimits } from './fault-flags.js';
import type { GlobalOptions } from './parse-args.js';
import { resolveRunSettings, type RoomSandbox, type RunSettings } from './run-settings.js';
import { orUsageError, UsageError } from './usage-error.js';
import { movedAsideNotice } from './progress-problems.js';
import { progressWorld } from './progress-world.js';

export const LAB_ID = 'kinesis-data-streams';

/** Everything a command needs to run the lab: the content, where it runs, saved progress, adapters. */
export interface LabSession {
  lab: Lab;
  settings: ReadySettings;
  context: LabContext;
  progressFile: string;
  /** This session's handle on the progress file: saves merge with what other processes wrote. */
  progress: ProgressStore;
  load: LoadResult;
  initial: { state: LabState; ledger: SessionLedger; target?: ProgressFile['settings'] };
  /** True when this run resumed saved progress. */
  resumed: boolean;
  /** True when the embedded sandbox runs without AWS's limits (`--limits off`); the header says so. */
  limitsOff: boolean;
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
  /** Things the learner must be told before anything else (a damaged owner-id file kept aside, what the sandbox repaired in its data folder, a progress file moved aside), in every output mode. */
  notices?: Localized[];
  close(): Promise<void>;
}

export interface SessionDeps {
  env: NodeJS.ProcessEnv;
  /** Asks the learner for a region when nothing else names one; absent in non-interactive commands. */
  askRegion?: () => Promise<string>;
  /** Options for the embedded sandbox (metrics delay …). */
  sandboxOptions?: LabSandboxOptions;
  /** The command's stop signal (Ctrl+C, SIGTERM): AWS calls in flight end a grace period after it. */
  signal?: AbortSignal;
  /** Where results are read: fixes name keys in the TUI, commands elsewhere. @default 'tui' */
  surface?: Surface;
  /** A kinesis-lab sandbox found before the session (a class's room sandbox), with the key to sign with there. */
  room?: RoomSandbox;
  /** `--class … --name …` of a learner in a class, for the commands the lab suggests. */
  classArgs?: readonly string[];
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

/**
 * Everything a session needs that is quick to know: the content, where it runs, saved progress. No
 * sandbox and no SDK yet, so the interactive lab can paint its first frame before those start.
 */
export interface PreparedLabSession {
  lab: Lab;
  global: GlobalOptions;
  deps: SessionDeps;
  /** Region known (asked if need be); the embedded sandbox's endpoint not yet. */
  settings: RunSettings & { region: string };
  dir: string;
  progressFile: string;
  load: LoadResult;
  saved?: ProgressFile;
  /** Where progress is kept (`sandbox` or `aws`), fixed by the flags and environment, not by a later switch. */
  progressTarget: RunSettings['target'];
}

export async function openLabSession(global: GlobalOptions, deps: SessionDeps): Promise<LabSession> {
  return startLabSession(await prepareLabSession(global, deps));
}

export async function prepareLabSession(global: GlobalOptions, deps: SessionDeps): Promise<PreparedLabSession> {
  const lab = await loadLab(labDir(LAB_ID), { checkKinds: CHECK_KINDS, actionKinds: ACTION_KINDS, panelKinds: PANEL_KINDS });
  const dir = configDir(deps.env);
  // Progress is kept per world so sandbox practice never mixes with a real-AWS run, nor two sandboxes.
  const provisional = await resolveRunSettings(global, deps.env, undefined, deps.room);
  const progressFile = progressPath(dir, lab.id, progressWorld(provisional));
  await checkConfigHome(dir, progressFile, deps.env);
  const load = await loadProgress(progressFile);
  const saved = load.kind === 'loaded' ? load.file : undefined;
  const settings: RunSettings = saved ? await resolveRunSettings(global, deps.env, saved.settings, deps.room) : provisional;
  if (deps.classArgs) settings.classArgs = deps.classArgs;
  // A region the learner switched to in the lab is a choice made after the environment was set: only --region overrides it.
  if (saved?.settings.regionSwitched && global.region === undefined) [settings.region, settings.regionSource] = [saved.settings.region, 'switched'];

  if (settings.region === undefined) {
    if (!deps.askRegion) throw new MissingRegionError();
    settings.region = await deps.askRegion();
    settings.regionSource = 'asked';
  }
  if (global.metricsDelay !== undefined && !settings.embeddedSandbox) {
    throw new UsageError({
      en: `--metrics-delay sets the embedded sandbox's CloudWatch delay: use it with --sandbox, or on ${commandLine('sandbox')}`,
      ko: `--metrics-delay는 내장 샌드박스의 CloudWatch 지연 시간입니다. --sandbox와 함께 쓰거나 ${commandLine('sandbox')}에 쓰세요`,
    });
  }
  const faults = embeddedFaults(global, settings.embeddedSandbox);
  if (faults) deps = { ...deps, sandboxOptions: { ...deps.sandboxOptions, faults } };
  const limits = embeddedLimits(global, settings.embeddedSandbox);
  if (limits) deps = { ...deps, sandboxOptions: { ...deps.sandboxOptions, limits } };
  const metricsDelayMs = global.metricsDelay !== undefined ? orUsageError(validateMetricsDelay(global.metricsDelay), '--metrics-delay') : undefined;
  if (metricsDelayMs !== undefined) deps = { ...deps, sandboxOptions: { ...deps.sandboxOptions, metricsDelayMs } };
  return { lab, global, deps, settings: settings as PreparedLabSession['settings'], dir, progressFile, load, ...(saved ? { saved } : {}), progressTarget: provisional.target };
}

/** Starts what the session runs on (the embedded sandbox, the SDK clients); loaded only now, as it is most of the CLI. */
export async function startLabSession(prepared: PreparedLabSession): Promise<LabSession> {
  const { startPreparedSession } = await import('./start-lab-session.js');
  return startPreparedSession(prepared);
}

/** Saves merged with what other processes wrote; answers with the runs the file holds now and what the learner must be told. */
export async function saveSessionProgress(session: LabSession, snapshot: { settings: ProgressFile['settings']; state: LabState; ledger: SessionLedger }): Promise<SaveOutcome> {
  const saved = await session.progress.save(snapshot);
  return { runs: saved.file.ledger.runs, ...(saved.movedAside ? { warnings: [movedAsideNotice(saved.movedAside)] } : {}) };
}

