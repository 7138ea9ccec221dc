import type { ActionContext, ActionProgress } from '../actions/action-context.js';
import type { ActionFn } from '../actions/action-registry.js';
import type { LabContext } from '../checks/check-context.js';
import type { CheckFn } from '../checks/check-registry.js';
import type { CheckResult } from '../checks/check-result.js';
import { diagnosedResult } from '../checks/diagnosed-result.js';
import type { Lab, LabStep } from '../content/lab-model.js';
import type { Effect, EngineEvent } from '../engine/engine-events.js';
import type { ProgressFile } from '../engine/progress-codec.js';
import { reduce } from '../engine/reduce.js';
import { paramsWithChoices, recordChoices, recordRun, type SessionLedger } from '../engine/session-ledger.js';
import type { LabState } from '../engine/step-state.js';
import type { Localized } from '../i18n/lang.js';
import { applyProducerEvent, startLive, type ProducerLive } from './producer-live.js';

/** What the runner shows besides the engine state: live action output. */
export interface RunnerView {
  state: LabState;
  ledger: SessionLedger;
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
  /** Notes the last action left (what it did, the producer's summary line). */
  notes: Localized[];
  /** Set when progress could not be written; the lab goes on, the learner is told. */
  saveError?: string;
  completed: boolean;
}

export interface LabRunnerDeps {
  lab: Lab;
  context: LabContext;
  checks: Readonly<Record<string, CheckFn>>;
  actions: Readonly<Record<string, ActionFn>>;
  initial: { state: LabState; ledger: SessionLedger };
  /** Persists progress; called after every state change, serialized by the runner. */
  save(file: Omit<ProgressFile, 'savedAt' | 'formatVersion'>): Promise<void>;
  clock: () => number;
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

  constructor(private readonly deps: LabRunnerDeps) {
    this.view = { state: deps.initial.state, ledger: deps.initial.ledger, notes: [], completed: false };
  }

  get current(): RunnerView {
    return this.view;
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
    void work.finally(() => this.pending.delete(work));
  }

  private async execute(effect: Effect): Promise<void> {
    switch (effect.type) {
      case 'save':
        return this.persist();
      case 'lab-complete':
        this.update({ completed: true });
        return;
      case 'run-action':
        return this.runAction(effect.step);
      case 'run-check':
        return this.runCheck(effect.step);
    }
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
    this.update({ actionStep: stepId, actionStartedAt: clock(), streamStatus: undefined, pipeStatus: undefined, producer: undefined, notes: [] });
    const ctx: ActionContext = {
      ...this.deps.context,
      ledger: () => this.view.ledger,
      signal: this.abort.signal,
      onProgress: (p) => this.onProgress(p),
      recordRun: (run) => {
        this.update({ ledger: recordRun(this.view.ledger, run) });
        this.track(this.persist());
      },
    };
    let outcome;
    try {
      if (!action) throw new Error(`no action of kind ${step.action.kind}`);
      outcome = await action(ctx, stepId, paramsWithChoices(this.view.ledger, stepId, step.action.params));
    } catch (error) {
      outcome = { ok: false as const, result: diagnosedResult(stepId, await this.deps.context.diagnose(error, { region: ctx.region, stream: ctx.stream, endpoint: ctx.endpoint, sandbox: ctx.sandbox })) };
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

  private async runCheck(stepId: string): Promise<void> {
    const step = this.step(stepId);
    const ctx: LabContext = { ...this.deps.context, ledger: () => this.view.ledger };
    let result: CheckResult;
    try {
      const check = step?.check ? this.deps.checks[step.check.kind] : undefined;
      if (!step?.check || !check) throw new Error(`step ${stepId} has no check this version can run`);
      result = await check(ctx, stepId, paramsWithChoices(this.view.ledger, stepId, step.check.params));
    } catch (error) {
      result = diagnosedResult(stepId, await this.deps.context.diagnose(error, { region: ctx.region, stream: ctx.stream, endpoint: ctx.endpoint, sandbox: ctx.sandbox }));
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
      case 'producer-summary':
      case 'note':
        return;
    }
  }

  /** Saves are chained so two quick state changes never race to rename over each other. */
  private persist(): Promise<void> {
    const snapshot = { settings: { stream: this.deps.context.stream, region: this.deps.context.region }, state: this.view.state, ledger: this.view.ledger };
    this.saving = this.saving
      .then(() => this.deps.save(snapshot))
      .then(
        () => (this.view.saveError ? this.update({ saveError: undefined }) : undefined),
        (error: unknown) => this.update({ saveError: error instanceof Error ? error.message : String(error) }),
      );
    return this.saving;
  }

  private update(patch: Partial<RunnerView>): void {
    this.view = { ...this.view, ...patch };
    for (const listener of this.listeners) listener(this.view);
  }
}
