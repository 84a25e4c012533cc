import { WebClient } from '@slack/web-api';
import { createBudget } from '../lib/slack/budget';
import { createSlackClient } from '../lib/slack/client';
import { startEmulator } from '../test/emulator';
import { interleave, median, timed } from './stats';
import type { Benchmark } from './types';

const USERS = 50_000;
const PAGE = 200;
const ROUNDS = 15;
const TEAM = 'T0BENCH01';

/**
 * Client overhead: paging users.list through 50 000 users, 200 a page, with Courier's client
 * against a plain fetch loop making the same requests and against @slack/web-api's paginate.
 *
 * Rate limits are out of the picture for all three alike: the emulator does not enforce them (its
 * default), and Courier's budget keeps its bookkeeping but with a window wider than the 250 pages,
 * so it never makes a page wait. @slack/web-api and the plain loop have no budget of their own.
 */
const benchmark: Benchmark = async () => {
  const emulator = await startEmulator();
  try {
    emulator.state.seed({
      workspaces: [{ teamId: TEAM, name: 'Bench Corp', users: USERS, channels: 1, content: false }],
    });
    const { access_token: token } = emulator.state.install({ teamId: TEAM, botScopes: ['users:read'], userScopes: [] });
    if (!token) throw new Error('The emulator gave no bot token.');
    const expected = emulator.state.workspaces.get(TEAM)!.users.length;

    const courier = async () => {
      const budget = createBudget({
        now: Date.now,
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        rule: () => ({ limit: 10_000, windowMs: 60_000 }),
      });
      const client = createSlackClient({ baseUrl: emulator.url, team: TEAM, budget });
      let count = 0;
      for await (const _ of client.paginate('users.list', {}, { token, itemsKey: 'members', pageSize: PAGE })) count++;
      return count;
    };

    const plain = async () => {
      let count = 0;
      let cursor = '';
      do {
        const response = await fetch(`${emulator.url}/api/users.list`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ token, limit: String(PAGE), ...(cursor ? { cursor } : {}) }).toString(),
        });
        const page = (await response.json()) as { members: unknown[]; response_metadata?: { next_cursor?: string } };
        count += page.members.length;
        cursor = page.response_metadata?.next_cursor ?? '';
      } while (cursor);
      return count;
    };

    const webApi = async () => {
      const client = new WebClient(token, { slackApiUrl: `${emulator.url}/api/`, retryConfig: { retries: 0 } });
      let count = 0;
      for await (const page of client.paginate('users.list', { limit: PAGE })) {
        count += (page as { members?: unknown[] }).members?.length ?? 0;
      }
      return count;
    };

    // CPU time too: the emulator shares the process, so it counts alike for all three, and a busy
    // machine disturbs it far less than the wall time.
    const cpu: Record<string, number[]> = { courier: [], plain: [], webApi: [] };
    const checked = (name: string, key: string, run: () => Promise<number>) => async () => {
      let count = 0;
      const before = process.cpuUsage();
      const ms = await timed(async () => {
        count = await run();
      });
      const used = process.cpuUsage(before);
      cpu[key]!.push((used.user + used.system) / 1000);
      if (count !== expected) throw new Error(`${name} paged ${count} users, not ${expected}.`);
      return ms;
    };
    const samples = await interleave(ROUNDS, {
      courier: checked("Courier's client", 'courier', courier),
      plain: checked('the plain loop', 'plain', plain),
      webApi: checked('@slack/web-api', 'webApi', webApi),
    });
    const figures = {
      courier: median(samples.courier!),
      plain: median(samples.plain!),
      webApi: median(samples.webApi!),
    };
    const name = `client overhead: users.list, ${expected.toLocaleString('en')} users, ${PAGE} a page`;
    return [
      {
        name,
        unit: 'ms',
        courier: figures.courier,
        baseline: figures.plain,
        baselineName: 'plain fetch loop',
        goal: '≤ 1.10× plain loop',
        pass: figures.courier <= 1.1 * figures.plain,
      },
      {
        name,
        unit: 'ms',
        courier: figures.courier,
        baseline: figures.webApi,
        baselineName: '@slack/web-api paginate',
        goal: 'faster than @slack/web-api',
        pass: figures.courier < figures.webApi,
        note: `medians of ${ROUNDS} interleaved runs; CPU time (emulator included): Courier ${median(cpu.courier!).toFixed(0)} ms, plain loop ${median(cpu.plain!).toFixed(0)} ms (${(median(cpu.courier!) / median(cpu.plain!)).toFixed(2)}×), @slack/web-api ${median(cpu.webApi!).toFixed(0)} ms`,
      },
    ];
  } finally {
    await emulator.close();
  }
};

export default benchmark;
