import type { ActionContext, ActionProgress } from '../actions/action-context.js';
import type { ActionFn } from '../actions/action-registry.js';
import { waitUntilActive } from '../actions/wait-until-active.js';
import type { LabContext } from '../checks/check-context.js';
import type { CheckFn } from '../checks/check-registry.js';
import type { CheckResult } from '../engine/check-result.js';
import type { WorldSurvey } from '../engine/world-survey-types.js';
import { diagnosedResult } from '../checks/diagnosed-result.js';
import type { Lab, LabStep } from '../content/lab-model.js';
import type { AutoFix } from '../shared/auto-fix.js';
import type { Effect, EngineEvent } from '../engine/engine-events.js';
import type { ProgressFile } from '../engine/progress-codec.js';
import { reduce } from '../engine/reduce.js';
import { sameValue } from '../engine/progress-merge.js';
import { paramsWithChoices, recordChoices, recordNames, recordRun, type ProducerRun, type SessionLedger, type StreamIdentity } from '../engine/session-ledger.js';
import type { LabState } from '../engine/step-state.js';
import type { Localized } from '../i18n/lang.js';
import { saveFailureOf, type SaveFailure } from '../i18n/progress-messages.js';
import { applyProducerEvent, startLive, type ProducerLive } from './producer-live.js';

/** Where the lab runs (stream and region); the progress file's `settings`. */
export type RunTarget = ProgressFile['settings'];

/** A one-key fix being applied (or the last one applied) and where it stands. */
export interface FixActivity {
  step: string;
  fix: AutoFix;
  /** Where the lab ran before the fix, so the screen can say what changed. */
  from: RunTarget;
  phase: 'waiting' | 'applying' | 'checking' | 'done';
  /** When a wait-and-retry's wait ends, on the runner's clock. */
  until?: number;
}

/** What the runner shows besides the engine state: live action output. */
export interface RunnerView {
  state: LabState;
  ledger: SessionLedger;
  /**
   * The stream and region checks and actions use now; a switch-region or switch-stream fix changes it.
   * LabRunner always sets it; a view made by hand (a static render) may leave it out for ScreenInfo's.
   */
  target?: RunTarget;
  /** The fix the learner applied with one key, while it runs and after (its step only). */
  fix?: FixActivity;
  /** The step the action fields below belong to; the screen shows them only on that step. */
  actionStep?: string;
  /** When the running (or last) action started. */
  actionStartedAt?: number;
  /** The stream's status while "create stream" waits for ACTIVE. */
  streamStatus?: { status: string; elapsedMs: number };
  /** The pipe's state (and StateReason) while "create pipe" waits for RUNNING. */
  pipeStatus?: { state: string; reason?: string; elapsedMs: number };
  /** Counters and log tail of the running (or last) producer. */
  producer?: ProducerLive;
  /** Step 4's "do it for me" waiting for CloudWatch to count what it sent. */
  metricsWait?: { counted: number; sent: number; expectedAt: number; giveUpAt: number };
  /**
   * The lab's stream as a check or action last saw it (ARN, creation time): screens count only the
   * runs that went to it, not to an older stream of the same name.
   */
  stream?: StreamIdentity;
  /** Notes the last action left (what it did, the producer's summary line). */
  notes: Localized[];
  /** What exists now where the lab runs, looked at once the lab completed (when the runner was given a way to look). */
  survey?: WorldSurvey;
  /** Set when progress could not be written; the lab goes on, the learner is told (and commands exit non-zero). */
  saveError?: SaveFailure;
  /** What saving had to do that the learner must know (an unreadable progress file moved aside). */
  warnings?: Localized[];
  completed: boolean;
}

export interface LabRunnerDeps {
  lab: Lab;
  context: LabContext;
  checks: Readonly<Record<string, CheckFn>>;
  actions: Readonly<Record<string, ActionFn>>;
  /** `target` defaults to the context's stream and region. */
  initial: { state: LabState; ledger: SessionLedger; target?: RunTarget };
  /**
   * Persists progress; called after every state change, serialized by the runner. It may answer with
   * the producer runs the file holds now (other processes' runs merged in) and warnings to show.
   */
  save(file: Omit<ProgressFile, 'savedAt' | 'formatVersion'>): Promise<SaveOutcome | undefined>;
  clock: () => number;
  /**
   * Builds the adapters for another stream or region (the composition root's `buildLabContext`);
   * without it the runner cannot apply switch-region or switch-stream fixes.
   */
  retarget?(target: RunTarget): LabContext | Promise<LabContext>;
  /** Looks at what exists now once the lab completes (the completion summary's facts); undefined when it cannot. */
  survey?(ledger: SessionLedger): Promise<WorldSurvey | undefined>;
}

/** What a save reports back to the runner. */
export interface SaveOutcome {
  /** The runs in the file after the save: this runner's and those other processes added. */
  runs?: ProducerRun[];
  warnings?: Localized[];
}

/**
 * Carries out the engine's effects: runs actions and checks through the registries, saves progress,
 * and tells subscribers. The TUI, plain output and `check`/`solve` all drive the lab through this.
 */
export class LabRunner {
  private view: RunnerView;
  private readonly listeners = new Set<(view: RunnerView) => void>();
  private saving: Promise<void> = Promise.resolve();
  private abort: AbortController | undefined;
  private readonly pending = new Set<Promise<void>>();
  private labContext: LabContext;

  constructor(private readonly deps: LabRunnerDeps) {
    this.labContext = deps.context;
    const target = deps.initial.target ?? { stream: deps.context.stream, region: deps.context.region };
    this.view = { state: deps.initial.state, ledger: deps.initial.ledger, target, notes: [], completed: false };
  }

  get current(): RunnerView {
    return this.view;
  }

  private get target(): RunTarget {
    return this.view.target ?? { stream: this.labContext.stream, region: this.labContext.region };
  }

  /** The adapters checks and actions use now (panels read live data through them). */
  get context(): LabContext {
    return this.labContext;
  }

  /**
   * The fix the learner can apply with one key on the current step of `view` (default: the latest): the
   * last result's autoFix while the step is failed, if this runner can apply it.
   */
  offeredFix(view: RunnerView = this.view): AutoFix | undefined {
    const step = view.state.steps[view.state.current];
    const fix = step?.status === 'failed' ? step.lastResult?.autoFix : undefined;
    return fix && this.canApply(fix) ? fix : undefined;
  }

  /** True when this runner can apply the fix: switching needs a `retarget`, creating needs a create-stream action in the lab. */
  canApply(fix: AutoFix): boolean {
    switch (fix.type) {
      case 'wait-and-retry':
      case 'add-shards':
        return true;
      case 'create-stream':
        return this.createStreamStep() !== undefined;
      case 'switch-region':
      case 'switch-stream':
        return this.deps.retarget !== undefined;
      case 'use-names':
        // Only an action offers it, for its own step.
        return true;
    }
  }

  /**
   * Points the lab at another stream or region: later checks and actions use `context`, the ledger and
   * step states stay (the ledger's runs are keyed by stream and region already), and progress saves the new settings.
   */
  retarget(context: LabContext, target: RunTarget): Promise<void> {
    this.labContext = context;
    this.update({ target, stream: undefined });
    const saved = this.persist();
    this.track(saved);
    return saved;
  }

  step(id: string): LabStep | undefined {
    return this.deps.lab.steps.find((s) => s.id === id);
  }

  subscribe(listener: (view: RunnerView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispatch(event: EngineEvent): void {
    const { state, effects } = reduce(this.view.state, event);
    if (state !== this.view.state) this.update({ state });
    for (const effect of effects) this.track(this.execute(effect));
  }

  /** Keeps what the learner chose in a step's form (progress file); the step's action and check get it as params. */
  choose(stepId: string, values: Record<string, unknown>): void {
    this.update({ ledger: recordChoices(this.view.ledger, stepId, values) });
    this.track(this.persist());
  }

  /** Stops a running action (the producer finishes its in-flight request and reports). */
  cancel(): void {
    this.abort?.abort();
  }

  /** Resolves when every running action, check and save has finished. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    await this.saving;
  }

  private track(work: Promise<void>): void {
    this.pending.add(work);
    // Forgotten once done; execute() and persist() turn failures into state (a diagnosis, saveError),
    // so `work` settles without rejecting, and idle() still awaits it.
    void work.finally(() => this.pending.delete(work));
  }

  private async execute(effect: Effect): Promise<void> {
    switch (effect.type) {
      case 'save':
        return this.persist();
      case 'lab-complete': {
        this.update({ completed: true });
        const survey = await this.deps.survey?.(this.view.ledger).catch(() => undefined);
        if (survey) this.update({ survey });
        return;
      }
      case 'run-action':
        this.update({ fix: undefined });
        return this.runAction(effect.step);
      case 'run-check':
        this.update({ fix: undefined });
        return this.runCheck(effect.step);
      case 'apply-fix':
        return this.applyFix(effect.step, effect.fix);
    }
  }

  /** Applies a fix the learner asked for with one key, then re-checks the step (the reducer set it to checking). */
  private async applyFix(stepId: string, fix: AutoFix): Promise<void> {
    const clock = this.deps.clock;
    const abort = new AbortController();
    this.abort = abort;
    const activity: FixActivity = { step: stepId, fix, from: this.target, phase: 'applying' };
    this.update({ actionStep: stepId, actionStartedAt: clock(), streamStatus: undefined, pipeStatus: undefined, producer: undefined, metricsWait: undefined, notes: [], fix: activity });
    let failed: CheckResult | undefined;
    try {
      switch (fix.type) {
        case 'wait-and-retry':
          this.update({ fix: { ...activity, phase: 'waiting', until: clock() + fix.delayMs } });
          await this.labContext.sleep(fix.delayMs, abort.signal);
          break;
        case 'create-stream':
          failed = await this.createStreamForFix(stepId, fix.stream, abort.signal);
          break;
        case 'use-names': {
          this.update({ ledger: recordNames(this.view.ledger, stepId, fix.names) });
          this.track(this.persist());
          const step = this.step(stepId);
          if (!step?.action) throw new Error(`step ${stepId} has no action to run with other names`);
          failed = await this.actionForFix(step, stepId, {}, abort.signal);
          break;
        }
        case 'add-shards':
          failed = await this.addShardsForFix(stepId, fix, abort.signal);
          break;
        case 'switch-region':
          await this.switchTo({ stream: activity.from.stream, region: fix.region, regionSwitched: true });
          break;
        case 'switch-stream':
          await this.switchTo({ ...activity.from, stream: fix.stream });
          break;
      }
    } catch (error) {
      failed = diagnosedResult(stepId, await this.labContext.diagnose(error, { region: this.labContext.region, stream: this.labContext.stream, endpoint: this.labContext.endpoint, sandbox: this.labContext.sandbox }));
    } finally {
      this.abort = undefined;
    }
    if (abort.signal.aborted) {
      this.update({ fix: undefined });
      this.dispatch({ type: 'fix-cancelled', step: stepId, at: clock() });
      return;
    }
    if (failed) {
      // The fix did not happen; the result's diagnosis says why.
      this.update({ fix: undefined });
      this.dispatch({ type: 'check-finished', step: stepId, at: clock(), result: failed });
      return;
    }
    this.update({ fix: { ...activity, phase: 'checking' } });
    await this.runCheck(stepId);
    this.update({ fix: { ...activity, phase: 'done' } });
  }

  private async switchTo(target: RunTarget): Promise<void> {
    if (!this.deps.retarget) throw new Error('this run cannot switch stream or region');
    await this.retarget(await this.deps.retarget(target), target);
  }

  /** The lab step whose action creates the stream (step 1); its params give the shard count and mode. */
  private createStreamStep(): LabStep | undefined {
    return this.deps.lab.steps.find((s) => s.action?.kind === 'create-stream');
  }

  /** Runs step 1's create-stream action for this stream from whichever step needs the stream; a failure is the step's result. */
  private async createStreamForFix(stepId: string, stream: string, signal: AbortSignal): Promise<CheckResult | undefined> {
    const createStep = this.createStreamStep();
    if (!createStep) throw new Error('this lab has no create-stream action');
    return this.actionForFix(createStep, stepId, { stream }, signal);
  }

  /**
   * More shards for a throttled producer, as AWS's own advice goes: UpdateShardCount, wait until the
   * stream is ACTIVE again, then the step's own action (its producer) runs again, so the learner sees
   * the rate rise; a failure of any part is the step's result.
   */
  private async addShardsForFix(stepId: string, fix: Extract<AutoFix, { type: 'add-shards' }>, signal: AbortSignal): Promise<CheckResult | undefined> {
    const ctx: ActionContext = { ...this.actionContext(signal), stream: fix.stream };
    await ctx.kinesis.updateShardCount(fix.stream, fix.to);
    const notActive = await waitUntilActive(ctx, stepId);
    if (notActive) return notActive;
    const step = this.step(stepId);
    if (!step?.action || signal.aborted) return undefined;
    return this.actionForFix(step, stepId, { stream: fix.stream }, signal);
  }

  /** Runs `actionStep`'s action for a fix on `stepId`; undefined when it worked, else the result that says why not. */
  private async actionForFix(actionStep: LabStep, stepId: string, overrides: Partial<LabContext>, signal: AbortSignal): Promise<CheckResult | undefined> {
    const action = actionStep.action ? this.deps.actions[actionStep.action.kind] : undefined;
    if (!actionStep.action || !action) throw new Error(`step ${actionStep.id} has no action this version can run`);
    const ctx: ActionContext = { ...this.actionContext(signal), ...overrides };
    const outcome = await action(ctx, stepId, paramsWithChoices(this.view.ledger, actionStep.id, actionStep.action.params));
    if (!outcome.ok) return outcome.result;
    this.update({ notes: outcome.notes });
    return undefined;
  }

  private async runAction(stepId: string): Promise<void> {
    const step = this.step(stepId);
    const clock = this.deps.clock;
    if (!step?.action) {
      // Nothing to perform: "do it for me" just checks.
      this.dispatch({ type: 'action-finished', step: stepId, at: clock() });
      return;
    }
    const action = this.deps.actions[step.action.kind];
    this.abort = new AbortController();
    this.update({ actionStep: stepId, actionStartedAt: clock(), streamStatus: undefined, pipeStatus: undefined, producer: undefined, metricsWait: undefined, notes: [] });
    const ctx = this.actionContext(this.abort.signal);
    let outcome;
    try {
      if (!action) throw new Error(`no action of kind ${step.action.kind}`);
      outcome = await action(ctx, stepId, paramsWithChoices(this.view.ledger, stepId, step.action.params));
    } catch (error) {
      outcome = { ok: false as const, result: diagnosedResult(stepId, await this.labContext.diagnose(error, { region: ctx.region, stream: ctx.stream, endpoint: ctx.endpoint, sandbox: ctx.sandbox })) };
    } finally {
      this.abort = undefined;
    }
    if (outcome.ok) {
      this.update({ notes: outcome.notes });
      this.dispatch({ type: 'action-finished', step: stepId, at: clock() });
    } else {
      this.dispatch({ type: 'action-failed', step: stepId, at: clock(), result: outcome.result });
    }
  }

  /** What checks see: the live ledger, and a way to say which stream the lab's stream name means now. */
  private checkContext(): LabContext {
    return { ...this.labContext, ledger: () => this.view.ledger, noteStream: (stream) => this.update({ stream }) };
  }

  /** What actions see: the check context, progress reporting, the runs they record, and step 1's stream creation. */
  private actionContext(signal: AbortSignal): ActionContext {
    const ctx: ActionContext = {
      ...this.checkContext(),
      signal,
      onProgress: (p) => this.onProgress(p),
      recordRun: (run) => {
        this.update({ ledger: recordRun(this.view.ledger, run) });
        this.track(this.persist());
      },
    };
    const createStep = this.createStreamStep();
    const create = createStep?.action ? this.deps.actions[createStep.action.kind] : undefined;
    if (createStep?.action && create) {
      const params = createStep.action.params;
      ctx.createStream = () => create({ ...ctx, createStream: undefined }, createStep.id, paramsWithChoices(this.view.ledger, createStep.id, params));
    }
    return ctx;
  }

  private async runCheck(stepId: string): Promise<void> {
    const step = this.step(stepId);
    const ctx = this.checkContext();
    let result: CheckResult;
    try {
      const check = step?.check ? this.deps.checks[step.check.kind] : undefined;
      if (!step?.check || !check) throw new Error(`step ${stepId} has no check this version can run`);
      result = await check(ctx, stepId, paramsWithChoices(this.view.ledger, stepId, step.check.params));
    } catch (error) {
      result = diagnosedResult(stepId, await this.labContext.diagnose(error, { region: ctx.region, stream: ctx.stream, endpoint: ctx.endpoint, sandbox: ctx.sandbox }));
    }
    this.dispatch({ type: 'check-finished', step: stepId, at: this.deps.clock(), result });
  }

  private onProgress(progress: ActionProgress): void {
    switch (progress.type) {
      case 'stream-status':
        this.update({ streamStatus: { status: progress.status, elapsedMs: progress.elapsedMs } });
        return;
      case 'pipe-status':
        this.update({ pipeStatus: { state: progress.state, ...(progress.reason ? { reason: progress.reason } : {}), elapsedMs: progress.elapsedMs } });
        return;
      case 'producer-started':
        this.update({ producer: startLive(progress.api, progress.at) });
        return;
      case 'producer':
        if (this.view.producer) this.update({ producer: applyProducerEvent(this.view.producer, progress.event) });
        return;
      case 'metrics-wait':
        this.update({ metricsWait: { counted: progress.counted, sent: progress.sent, expectedAt: progress.expectedAt, giveUpAt: progress.giveUpAt } });
        return;
      case 'producer-summary':
      case 'note':
        return;
    }
  }

  /** Saves are chained so two quick state changes never race to rename over each other. */
  private persist(): Promise<void> {
    const snapshot = { settings: this.target, state: this.view.state, ledger: this.view.ledger };
    this.saving = this.saving
      .then(() => this.deps.save(snapshot))
      .then(
        (outcome) => this.afterSave(outcome),
        (error: unknown) => this.update({ saveError: saveFailureOf(error) }),
      );
    return this.saving;
  }

  private afterSave(outcome: SaveOutcome | undefined): void {
    const patch: Partial<RunnerView> = {};
    if (this.view.saveError) patch.saveError = undefined;
    if (outcome?.warnings?.length) patch.warnings = [...(this.view.warnings ?? []), ...outcome.warnings];
    // Runs another process recorded (a produce in another terminal) count here too from now on.
    if (outcome?.runs && !sameValue(outcome.runs, this.view.ledger.runs)) patch.ledger = { ...this.view.ledger, runs: outcome.runs };
    if (Object.keys(patch).length > 0) this.update(patch);
  }

  private update(patch: Partial<RunnerView>): void {
    this.view = { ...this.view, ...patch };
    for (const listener of this.listeners) listener(this.view);
  }
}

