/**
 * The lab as a learner sees it in a real terminal (tmux), at 80×24 and 100×32, in Korean and English:
 * through each step's states (idle, acting, failed with and without a fix, passed) and the pipe form,
 * the header with the whole stream name and the region, the step's title, the verdict, the fix's first
 * sentence, what f does and the key bar are on the captured screen. One sandbox and one tmux server
 * for the file; every wait polls the screen.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_KINDS } from '../../src/actions/action-registry.js';
import { CHECK_KINDS } from '../../src/checks/check-registry.js';
import { loadLab } from '../../src/content/load-lab.js';
import { labDir } from '../../src/content/locate-labs.js';
import { CATALOGS, type Messages } from '../../src/i18n/messages.js';
import { startLabSandbox } from '../../src/sandbox/lab-sandbox.js';
import { SANDBOX_CREDENTIALS, type Sandbox } from '../../src/sandbox/sandbox-types.js';
import { CLI } from './cli-helpers.js';
import { hasTmux, TmuxServer, type TmuxScreen } from './tmux-screen.js';

const REGION = 'us-east-1';

describe.skipIf(!hasTmux)('the lab screen in a real terminal (needs tmux)', () => {
  let sandbox: Sandbox;
  let server: TmuxServer;
  const homes: string[] = [];
  /** Each step's numbered title as the strip shows it, per language. */
  const TITLES: Record<'en' | 'ko', string[]> = { en: [], ko: [] };

  beforeAll(async () => {
    sandbox = await startLabSandbox({ port: 0, createStreamMs: 0, metricsDelayMs: 0, pipeCreatingMs: 0 });
    server = new TmuxServer();
    const lab = await loadLab(labDir('kinesis-data-streams'), { checkKinds: CHECK_KINDS, actionKinds: ACTION_KINDS });
    for (const lang of ['en', 'ko'] as const) TITLES[lang] = lab.steps.map((step, i) => `${i + 1}. ${step.title[lang]}`);
  });
  afterAll(async () => {
    await server.stop();
    await sandbox.stop();
    for (const home of homes) await rm(home, { recursive: true, force: true });
  });

  async function openLab(name: string, columns: number, rows: number, lang: 'en' | 'ko', stream: string, home?: string, region = REGION): Promise<TmuxScreen> {
    const dir = home ?? (await mkdtemp(join(tmpdir(), 'kl-screen-')));
    if (!home) homes.push(dir);
    return server.open(name, columns, rows, [process.execPath, CLI, '--endpoint-url', sandbox.url, '--region', region, '--stream', stream, '--lang', lang], {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      KINESIS_LAB_HOME: dir,
      LANG: 'C.UTF-8',
      TERM: 'xterm-256color',
      AWS_ACCESS_KEY_ID: SANDBOX_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: SANDBOX_CREDENTIALS.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/nonexistent/kinesis-lab-test/config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/kinesis-lab-test/credentials',
    });
  }

  /** What point 1 of the layout promises, checked on one captured screen. */
  function expectEssentials(screen: string[], m: Messages, o: { stream: string; region?: string; title: string; columns: number; rows: number; verdict?: string; fix?: boolean; offer?: string }) {
    const text = screen.join('\n');
    const where = screen.find((l) => l.includes(m.streamLine(o.stream))) ?? '';
    expect(where, text).toContain(`${m.streamLine(o.stream)} · ${m.regionLine(o.region ?? REGION, 'flag')}`);
    expect(text).toContain(o.title);
    if (o.verdict) expect(text).toContain(o.verdict);
    if (o.fix) expect(text).toContain(`${m.whatToDo}: `);
    if (o.offer) expect(screen.some((l) => l.startsWith(`f ${o.offer}`)), text).toBe(true);
    expect(text).toContain(`q ${m.keyQuit}`);
    // Nothing drawn past the terminal: Ink keeps one row free, no row is wider than the window.
    expect(screen.length).toBeLessThanOrEqual(o.rows);
    for (const line of screen) expect(line.length, line).toBeLessThanOrEqual(o.columns);
  }

  // Each walk in its own region: the runs share one sandbox, and a similar stream name elsewhere in the
  // same region would rightly turn step 1's failure into a switch-stream offer.
  const sizes = [
    { columns: 80, rows: 24, regions: { en: 'eu-west-1', ko: 'ap-northeast-2' } },
    { columns: 100, rows: 32, regions: { en: 'us-west-2', ko: 'eu-central-1' } },
  ];
  for (const lang of ['en', 'ko'] as const) {
    for (const { columns, rows, regions } of sizes) {
      it.concurrent(`${lang} ${columns}×${rows}: every step's states keep the header, title, verdict, fix and keys`, async () => {
        const m = CATALOGS[lang];
        const titles = TITLES[lang];
        // A long name, the kind a class uses: the header still shows all of it.
        const stream = `workshop-${lang}-${columns}x${rows}-learner-stream`;
        const region = regions[lang];
        const lab = await openLab(`walk-${lang}-${columns}`, columns, rows, lang, stream, undefined, region);
        const essentials = (screen: string[], title: string, extra: { verdict?: string; fix?: boolean; offer?: string } = {}) => expectEssentials(screen, m, { stream, region, title, columns, rows, ...extra });
        const failed = `✘ ${m.failed}: `;
        const passed = `✔ ${m.passed}: `;
        try {
          // Step 1, idle.
          essentials(await lab.waitForText(m.chooseMode.slice(0, 20)), titles[0]!);
          // Failed with a fix: the stream is not there yet; f would create it.
          await lab.send('c');
          const offer = m.fixOffer({ type: 'create-stream', stream }, { stream, region, sandbox: true }).slice(0, 24);
          essentials(await lab.waitForText(failed), titles[0]!, { verdict: failed, fix: true, offer });
          // f applies it, then the check passes.
          await lab.send('f');
          essentials(await lab.waitForText(passed), titles[0]!, { verdict: passed });

          // Step 2: failed without a fix (nothing sent), then d: acting, then passed.
          await lab.send('n');
          essentials(await lab.waitForText(titles[1]!), titles[1]!);
          await lab.send('c');
          const noRecords = await lab.waitForText(failed);
          essentials(noRecords, titles[1]!, { verdict: failed, fix: true });
          expect(noRecords.some((l) => l.startsWith('f '))).toBe(false);
          await lab.send('d');
          essentials(await lab.waitForText(passed), titles[1]!, { verdict: passed });

          // Step 3: PutRecords; the rates and the verdict share the area.
          await lab.send('n');
          await lab.waitForText(titles[2]!);
          await lab.send('d');
          essentials(await lab.waitFor((s) => s.join('\n').includes(passed) && s.join('\n').includes(titles[2]!), 'step 3 passed'), titles[2]!, { verdict: passed });

          // Step 4: the chart's panel and the verdict.
          await lab.send('n');
          await lab.waitForText(titles[3]!);
          await lab.send('d');
          // CloudWatch shows a minute once it has ended: until then the check fails with when to look again.
          const settled = (s: string[]): boolean => s.join('\n').includes(titles[3]!) && (s.join('\n').includes(passed) || s.join('\n').includes(failed));
          let metrics = await lab.waitFor(settled, 'step 4 checked', 120_000);
          if (!metrics.join('\n').includes(passed)) essentials(metrics, titles[3]!, { verdict: failed, fix: true });
          // As a learner would: c again until CloudWatch has the minute (each wait polls the screen).
          for (let tries = 0; !metrics.join('\n').includes(passed) && tries < 30; tries++) {
            await lab.send('c');
            metrics = await lab.waitForText(passed, 5_000).catch(() => metrics);
          }
          essentials(metrics, titles[3]!, { verdict: passed });

          // Step 5: the pipe form scrolls to its focused field, also after a resize.
          await lab.send('n');
          await lab.waitForText(titles[4]!);
          await lab.send('e');
          const pipeText = (await import('../../src/ui/panels/pipe/pipe-panel-text.js')).pipePanelText(lang);
          await lab.waitForText(pipeText.formTitle);
          await lab.send('Down', 'Down', 'Down', 'Down');
          const onFilter = await lab.waitFor((s) => s.some((l) => l.startsWith(`› ${pipeText.field.filterPreset}`)), 'the focused filter row');
          expect(onFilter.join('\n')).toContain(pipeText.preset.none);
          await lab.send('Right');
          await lab.waitFor((s) => s.some((l) => l.startsWith(`› ${pipeText.field.filterPreset}`) && l.includes(pipeText.preset['fare-above'])), 'the filter changed in view');
          // A resize reflows the open form; the focused row stays in view.
          await lab.resize(80, 24);
          await lab.waitFor((s) => s.length <= 24 && s.some((l) => l.startsWith(`› ${pipeText.field.filterPreset}`)), 'the form at 80×24');
          await lab.resize(columns, rows);
          await lab.send('Escape');
          // The form's own title also starts with the settings title: wait until the form has closed, or
          // a d sent right after Escape reaches the terminal as one Alt+d sequence and is lost.
          await lab.waitFor((s) => s.join('\n').includes(pipeText.settingsTitle) && !s.join('\n').includes(pipeText.formTitle), 'the form closed');
          await lab.send('d');
          essentials(await lab.waitFor((s) => s.join('\n').includes(passed) && s.join('\n').includes(titles[4]!), 'step 5 passed', 120_000), titles[4]!, { verdict: passed });
        } finally {
          await lab.kill();
        }
      }, 400_000);
    }
  }

  it('after f switches the stream, the header names the stream now in use, and m shows the lines to paste', async () => {
    const m = CATALOGS.en;
    const home = await mkdtemp(join(tmpdir(), 'kl-screen-'));
    homes.push(home);
    const first = await openLab('fix-create', 80, 24, 'en', 'fare-stream', home);
    await first.waitForText(m.chooseMode.slice(0, 20));
    await first.send('d');
    await first.waitForText(`✔ ${m.passed}: `);
    await first.send('q');
    await first.kill();

    const typo = await openLab('fix-switch', 80, 24, 'en', 'fare_stream', home);
    try {
      await typo.waitForText(m.chooseMode.slice(0, 20));
      await typo.send('c');
      const offer = m.fixOffer({ type: 'switch-stream', stream: 'fare-stream' }, { stream: 'fare_stream', region: REGION, sandbox: true }).slice(0, 30);
      expectEssentials(await typo.waitForText(`✘ ${m.failed}: `), m, { stream: 'fare_stream', title: TITLES.en[0]!, columns: 80, rows: 24, fix: true, offer });
      await typo.send('f');
      const after = await typo.waitForText(`✔ ${m.passed}: `);
      expect(after.join('\n')).toContain(`${m.streamLine('fare-stream')} · region ${REGION} (--region)`);
      // m on the sandbox: the lines to paste, with the session's key and the sandbox's address.
      await typo.send('m');
      const code = await typo.waitForText('export AWS_ACCESS_KEY_ID=');
      // Whole rows at the left edge, no gutter: selected with the mouse, they paste into a shell as they are.
      expect(code).toContain(`export AWS_ENDPOINT_URL=${sandbox.url}`);
      expect(code).toContain(`export AWS_ACCESS_KEY_ID=${SANDBOX_CREDENTIALS.accessKeyId}`);
      expect(code).toContain(`export AWS_SECRET_ACCESS_KEY=${SANDBOX_CREDENTIALS.secretAccessKey}`);
      expect(code).toContain(`export AWS_REGION=${REGION}`);
      // Full width: the code rows start at the left edge, with no step list beside them.
      expect(code.some((l) => l.startsWith('│ ')), code.join('\n')).toBe(true);
    } finally {
      await typo.kill();
    }
  }, 200_000);

  it('below 80×24 says how big the terminal must be, and reflows when it grows', async () => {
    const m = CATALOGS.ko;
    const lab = await openLab('small', 70, 20, 'ko', 'small-stream');
    try {
      await lab.waitForText('70×20');
      expect((await lab.capture()).join('')).toContain('80×24');
      await lab.resize(80, 24);
      expectEssentials(await lab.waitForText(m.chooseMode.slice(0, 12)), m, { stream: 'small-stream', title: TITLES.ko[0]!, columns: 80, rows: 24 });
    } finally {
      await lab.kill();
    }
  }, 120_000);
});
