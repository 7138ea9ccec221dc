/**
 * A real terminal for end-to-end screen tests: the built CLI runs in a tmux pane of a given size,
 * keys go in with send-keys and the screen comes back with capture-pane, as a learner sees it. One
 * private tmux server per test file (its own socket, no user config); each run is a session in it.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { shellWord } from '../../src/sandbox/sandbox-paste.js';

const run = promisify(execFile);

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export class TmuxServer {
  readonly socket = `kinesis-lab-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  async tmux(...args: string[]): Promise<string> {
    const { stdout } = await run('tmux', ['-L', this.socket, '-f', '/dev/null', ...args]);
    return stdout;
  }

  private started: Promise<void> | undefined;

  /**
   * A tmux server exits when its last session ends; a test that kills its only session and opens the
   * next one would race that exit ("server exited unexpectedly"). A keeper session holds it up until stop().
   */
  private start(): Promise<void> {
    this.started ??= this.tmux('new-session', '-d', '-s', 'keeper', '-x', '20', '-y', '5', 'cat').then(() => undefined);
    return this.started;
  }

  /** Starts `command` (argv) in a new session of `columns`×`rows` with exactly `env`. */
  async open(name: string, columns: number, rows: number, command: string[], env: Record<string, string>): Promise<TmuxScreen> {
    const vars = Object.entries(env).map(([k, v]) => `${k}=${shellWord(v)}`);
    // `env -i` so the pane sees only what the test gives it; the pane stays after the program ends (remain-on-exit).
    const line = ['env', '-i', ...vars, ...command.map(shellWord)].join(' ');
    await this.start();
    await this.tmux('new-session', '-d', '-s', name, '-x', String(columns), '-y', String(rows), line);
    await this.tmux('set-option', '-t', name, 'remain-on-exit', 'on');
    return new TmuxScreen(this, name);
  }

  async stop(): Promise<void> {
    await this.tmux('kill-server').catch(() => undefined);
  }
}

export class TmuxScreen {
  constructor(
    private readonly server: TmuxServer,
    readonly name: string,
  ) {}

  /** The screen as text, one entry per row (trailing blanks trimmed). */
  async capture(): Promise<string[]> {
    const text = await this.server.tmux('capture-pane', '-p', '-t', this.name);
    return text.replace(/\n+$/, '').split('\n').map((line) => line.trimEnd());
  }

  /** tmux key names (Down, Escape, C-c) or literal text, one send each. */
  async send(...keys: string[]): Promise<void> {
    for (const key of keys) await this.server.tmux('send-keys', '-t', this.name, key);
  }

  async resize(columns: number, rows: number): Promise<void> {
    await this.server.tmux('resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows));
  }

  /**
   * Polls the screen until `ready` holds (never a fixed sleep) and returns it; on timeout the error
   * carries the last screen so a failure shows what the learner would have seen.
   */
  async waitFor(ready: (screen: string[]) => boolean, what: string, timeoutMs = 60_000): Promise<string[]> {
    const until = Date.now() + timeoutMs;
    let screen: string[] = [];
    let previous: string | undefined;
    while (Date.now() < until) {
      screen = await this.capture();
      // A frame is written in pieces: a capture can hold the verdict while the rows below it are
      // still on their way. Only a screen that two captures in a row agree on is returned.
      // (A spinner's glyph turns every 120 ms, so it is left out of the comparison.)
      const text = screen.join('\n').replace(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/g, '·');
      if (ready(screen) && text === previous) return screen;
      previous = ready(screen) ? text : undefined;
      await new Promise((done) => setTimeout(done, 100));
    }
    const history = await this.server.tmux('capture-pane', '-p', '-t', this.name, '-S', '-200').catch(() => '');
    throw new Error(`${this.name}: timed out waiting for ${what}; the screen was:\n${screen.join('\n')}\n── with the lines above it ──\n${history}`);
  }

  /** Waits until the screen shows `text` somewhere. */
  async waitForText(text: string, timeoutMs?: number): Promise<string[]> {
    return this.waitFor((screen) => screen.join('\n').includes(text), JSON.stringify(text), timeoutMs);
  }

  async kill(): Promise<void> {
    await this.server.tmux('kill-session', '-t', this.name).catch(() => undefined);
  }
}

