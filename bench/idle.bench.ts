import type { Worker } from '@playwright/test';
import { startEmulator } from '../test/emulator/index';
import { launchWithExtension } from '../test/support/chromium';
import { askFrom, channelTarget, conversationNamed } from '../test/support/extension-calls';
import { linkDemoWorkspace } from '../test/support/options-page';
import type { Benchmark, BenchRow } from './types';

/** How long the extension is left alone in each run. */
export const IDLE_MS = 3 * 60_000;
/** The second run's token lifetime: each chain is due every 75 s (a sixth of it before expiry). */
const SHORT_LIFETIME_S = 90;
/** How often the scheduled alarms are read while the extension idles. */
const SAMPLE_MS = 5_000;
/** Work seen at the emulator this long after an alarm fired is what the alarm woke the worker for. */
const MATCH_MS = 5_000;
/** Moments closer than this are one (a refresh of both chains, an attempt that refreshed first). */
const SAME_MOMENT_MS = 2_000;

interface Fired {
  name: string;
  scheduledTime: number;
  firedAt: number;
}
interface Alarm {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}
type Chrome = {
  alarms: { getAll(): Promise<Alarm[]>; onAlarm: { addListener(listener: (alarm: Alarm) => void): void } };
};
type Counted = { courierBenchFired?: Fired[] };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;

/** Groups times (sorted) into moments: each moment is the first time of a run of close ones. */
function moments(times: number[]): number[] {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted.filter((at, i) => i === 0 || at - sorted[i - 1]! > SAME_MOMENT_MS);
}

const scheduledAlarms = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.alarms.getAll());

/**
 * One run: a fresh profile links the emulator's demo workspace, optionally with short-lived tokens
 * and a send Slack keeps failing, then the extension is left alone for IDLE_MS. A listener injected
 * into the service worker counts the alarms that fire (the worker stays the same one: DevTools
 * keeps an attached worker alive, which is why its starts are not counted); alarms.getAll is read
 * every few seconds; the emulator logs when refreshes and sends reached it.
 */
async function idleRun(busy: boolean) {
  const emulator = await startEmulator();
  const launched = await launchWithExtension({ headless: true });
  try {
    if (busy) emulator.state.configure({ tokenLifetimeSeconds: SHORT_LIFETIME_S });
    const { context, serviceWorker, extensionId } = launched;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const sends: number[] = [];
    const exchanges: number[] = [];
    const countCall = emulator.state.countCall.bind(emulator.state);
    emulator.state.countCall = (method: string) => {
      if (method === 'chat.postMessage') sends.push(Date.now());
      if (method === 'oauth.v2.access') exchanges.push(Date.now());
      countCall(method);
    };
    const account = await linkDemoWorkspace(context, page, emulator.url);
    // The directory's first read follows a link: let it finish before the idle time starts.
    await sleep(3_000);
    await serviceWorker.evaluate(() => {
      const scope = globalThis as unknown as Counted & { chrome: Chrome };
      const fired: Fired[] = (scope.courierBenchFired = []);
      scope.chrome.alarms.onAlarm.addListener((alarm) =>
        fired.push({ name: alarm.name, scheduledTime: alarm.scheduledTime, firedAt: Date.now() }),
      );
    });
    const start = Date.now();
    if (busy) {
      emulator.state.faults.add({ method: 'chat.postMessage', kind: 'http500', count: -1 });
      const general = conversationNamed(emulator, 'general');
      const reply = await askFrom(page, 'send', {
        targets: [channelTarget(account.id, general)],
        share: { kind: 'page', url: 'https://example.com/idle', title: 'Idle' },
        unfurl: false,
      });
      if (!reply.ok) throw new Error(reply.error.message);
    }
    await page.close();

    const seen = new Map<number, Alarm>();
    while (Date.now() - start < IDLE_MS) {
      for (const alarm of await scheduledAlarms(serviceWorker)) seen.set(alarm.scheduledTime, alarm);
      await sleep(Math.min(SAMPLE_MS, IDLE_MS - (Date.now() - start)));
    }
    const end = Date.now();
    const fired = await serviceWorker.evaluate(() => (globalThis as unknown as Counted).courierBenchFired);
    if (!fired) throw new Error('The service worker restarted during the idle time: its alarm count was lost.');
    const left = await scheduledAlarms(serviceWorker);

    const within = (at: number) => at >= start && at <= end;
    const log = emulator.state.refreshLog();
    const refreshes = moments(log.map((entry) => entry.at).filter(within));
    // A refresh after the token it replaced had expired (the link's exchange issued the first ones).
    const lifetimeMs = emulator.state.config.tokenLifetimeSeconds * 1000;
    let late = 0;
    for (const chainId of new Set(log.map((entry) => entry.chainId))) {
      let issued = exchanges[0] ?? start;
      for (const entry of log.filter((e) => e.chainId === chainId && e.outcome === 'ok')) {
        if (entry.at > issued + lifetimeMs) late++;
        issued = entry.at;
      }
    }
    const attempts = moments(sends.filter(within));
    const due = moments([...refreshes, ...attempts]);
    const served = (alarm: Fired) => due.some((at) => at >= alarm.firedAt - 1_000 && at <= alarm.firedAt + MATCH_MS);
    const wasted = fired.filter((alarm) => !served(alarm));
    const twice = fired.filter((alarm, i) => i > 0 && alarm.firedAt - fired[i - 1]!.firedAt < SAME_MOMENT_MS);
    return {
      fired,
      wasted,
      twice,
      late,
      refreshes: refreshes.map((at) => at - start),
      attempts: attempts.map((at) => at - start),
      seen: [...seen.values()],
      left,
      start,
    };
  } finally {
    await launched.context.close();
    await emulator.close();
  }
}

/**
 * Idle wake-ups: what would wake a stopped worker while the extension sits idle, in real Chromium.
 * The minute alarm of before fired once a minute whatever was due.
 */
const benchmark: Benchmark = async () => {
  const minutes = IDLE_MS / 60_000;
  const before = Math.floor(minutes);
  const quiet = await idleRun(false);
  const busy = await idleRun(true);
  const periodic = [...quiet.seen, ...busy.seen].filter((alarm) => alarm.periodInMinutes).length;
  const when = (run: typeof quiet, alarms: readonly { scheduledTime: number }[]) =>
    alarms.map((alarm) => `+${seconds(alarm.scheduledTime - run.start)}`).join(', ') || 'none';
  const rows: BenchRow[] = [
    {
      name: `idle ${minutes} min, nothing due: alarms fired`,
      unit: 'count',
      courier: quiet.fired.length,
      baseline: before,
      baselineName: 'the minute alarm',
      goal: '0',
      pass: quiet.fired.length === 0 && periodic === 0,
      note: `scheduled meanwhile: ${quiet.seen.length} alarm time(s) (${when(quiet, quiet.seen)}, the next refresh), ${periodic} periodic; left: ${quiet.left.length}`,
    },
    {
      name: `idle ${minutes} min, ${SHORT_LIFETIME_S} s tokens and a send that keeps failing: alarms fired`,
      unit: 'count',
      courier: busy.fired.length,
      baseline: before,
      baselineName: 'the minute alarm',
      goal: 'one per due moment, none without work',
      pass: busy.fired.length > 0 && busy.wasted.length === 0 && busy.twice.length === 0 && busy.late === 0,
      note:
        `fired at ${when(
          busy,
          busy.fired.map((alarm) => ({ scheduledTime: alarm.firedAt })),
        )}` +
        ` (${busy.wasted.length} without work, ${busy.twice.length} twice for one moment);` +
        ` ${busy.late} refresh(es) after the token expired;` +
        ` refreshes at ${busy.refreshes.map((ms) => `+${seconds(ms)}`).join(', ') || 'none'};` +
        ` send attempts at ${busy.attempts.map((ms) => `+${seconds(ms)}`).join(', ') || 'none'}` +
        ` (those within a minute of the last are the worker's own timer's)`,
    },
  ];
  return rows;
};

export default benchmark;
