import { linkFromBody, testProfile } from '../lib/auth/testing/linked';
import { accountContext } from '../lib/actions/account-context';
import { callsFor } from '../lib/actions/account-context';
import { createServices } from '../lib/background/services';
import type { Account, ChainKind } from '../lib/store/records';
import { DEMO_APP, startEmulator } from '../test/emulator';
import { median, percentile } from './stats';
import type { Benchmark } from './types';

const WORKSPACES = 10;
const CALLS = 500;
const ROUNDS = 5;
const KINDS: ChainKind[] = ['bot', 'user'];

/**
 * Refresh under load: 500 concurrent calls spread over 10 workspaces' bot and user chains (20
 * chains), through the background's services over fake-indexeddb, with every chain at its expiry
 * (stored as expired, and expired at the emulator), against the same calls with fresh tokens.
 * Each round starts the services anew, as a waking worker does. The emulator counts the refreshes.
 */
const benchmark: Benchmark = async () => {
  const emulator = await startEmulator();
  try {
    emulator.state.seed({
      workspaces: Array.from({ length: WORKSPACES }, (_, i) => ({
        teamId: `T0LOAD${String(i).padStart(3, '0')}`,
        name: `Load ${i}`,
        users: 3,
        channels: 1,
        content: false,
      })),
    });
    const setup = await createServices();
    const profile = await setup.store.profiles.put(testProfile(emulator.url, DEMO_APP));
    const accounts: Account[] = [];
    for (const teamId of emulator.state.workspaces.keys()) {
      const body = emulator.state.install({ teamId, botScopes: ['chat:write'], userScopes: ['users:read'] });
      accounts.push(await linkFromBody(setup.store, profile, body, Date.now()));
    }
    setup.store.db.close();
    const chains = accounts.flatMap((account) => KINDS.map((kind) => ({ account, kind })));

    /** One round: returns every call's latency in ms and the refreshes the emulator saw. */
    async function round(expired: boolean): Promise<{ latencies: number[]; refreshes: number[] }> {
      const services = await createServices();
      if (expired) {
        for (const { account, kind } of chains) {
          const chain = (await services.store.chains.get(`${account.id}:${kind}`))!;
          await services.store.chains.replace({ ...chain, expiresAt: Date.now() - 1_000 }, chain.version);
        }
        emulator.state.expireTokens();
      }
      const before = emulator.state.stats().refreshes;
      const latencies = await Promise.all(
        Array.from({ length: CALLS }, async (_, i) => {
          const { account, kind } = chains[i % chains.length]!;
          const start = performance.now();
          const context = await accountContext(services, account.id);
          await callsFor(context, kind).call('auth.test', {});
          return performance.now() - start;
        }),
      );
      const after = emulator.state.stats().refreshes;
      services.store.db.close();
      return {
        latencies,
        refreshes: Object.keys(after).map((id) => after[id]!.refreshes - (before[id]?.refreshes ?? 0)),
      };
    }

    const p95 = { fresh: [] as number[], expired: [] as number[] };
    const perChain: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate which goes first, so neither always follows the other.
      for (const expired of i % 2 === 0 ? [false, true] : [true, false]) {
        const { latencies, refreshes } = await round(expired);
        (expired ? p95.expired : p95.fresh).push(percentile(latencies, 0.95));
        if (expired) perChain.push(...refreshes);
        else if (refreshes.some((n) => n !== 0)) throw new Error('A round with fresh tokens refreshed.');
      }
    }
    const figures = { fresh: median(p95.fresh), expired: median(p95.expired) };
    const exactlyOne = perChain.length === chains.length * ROUNDS && perChain.every((n) => n === 1);
    const name = `refresh under load: ${CALLS} concurrent calls, ${chains.length} chains at expiry`;
    return [
      {
        name: `${name}, p95`,
        unit: 'ms',
        courier: figures.expired,
        baseline: figures.fresh,
        baselineName: 'same calls, fresh tokens',
        goal: '≤ 1.5× fresh',
        pass: figures.expired <= 1.5 * figures.fresh,
        note: `median of ${ROUNDS} rounds' p95, rounds interleaved`,
      },
      {
        name: `${name}, refreshes per chain`,
        unit: 'count',
        courier: Math.max(...perChain),
        goal: 'exactly 1 per chain',
        pass: exactlyOne,
        note: `per chain and round (emulator's count): min ${Math.min(...perChain)}, max ${Math.max(...perChain)}`,
      },
    ];
  } finally {
    await emulator.close();
  }
};

export default benchmark;
