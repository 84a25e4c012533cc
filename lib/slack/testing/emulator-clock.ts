// Test support: a Slack client on the emulator's clock, which only moves when the client sleeps.
// Date must be frozen (vi.useFakeTimers({ toFake: ['Date'] })) so the emulator's rate windows and
// the budget read the same time; sockets and AbortSignal.timeout keep their real timers.
import type { Emulator } from '../../../test/emulator';
import type { Budget } from '../budget';
import { createBudget } from '../budget';
import type { SlackClient, SlackClientOptions } from '../client';
import { createSlackClient } from '../client';

export interface ClockedClient {
  client: SlackClient;
  budget: Budget;
  /** The HTTP status of every request the client made, in order. */
  statuses: number[];
  /** The form body of every request, parsed. */
  requests: { method: string; params: URLSearchParams }[];
  /** Every wait the client or its budget asked for, in ms. */
  sleeps: number[];
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

export function clockedClient(
  emulator: Emulator,
  team: string,
  options: Partial<SlackClientOptions> & { budget?: Budget } = {},
): ClockedClient {
  let inFlight = 0;
  const statuses: number[] = [];
  const requests: ClockedClient['requests'] = [];
  const sleeps: number[] = [];
  const inner = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const method = url.split('/api/')[1] ?? url;
    requests.push({ method, params: new URLSearchParams(typeof init?.body === 'string' ? init.body : '') });
    inFlight++;
    try {
      const response = await inner(input, init);
      statuses.push(response.status);
      // Read whole here, so "no request in flight" means its answer has been handled.
      const body = await response.arrayBuffer();
      return new Response(body, { status: response.status, headers: response.headers });
    } finally {
      inFlight--;
    }
  };
  // Time stands still while a request is out: the clock moves only once the emulator has answered.
  const sleep = async (ms: number) => {
    sleeps.push(ms);
    do await tick();
    while (inFlight > 0);
    emulator.state.advanceClock(ms / 1000);
  };
  const budget = options.budget ?? createBudget({ now: () => emulator.state.now(), sleep });
  const client = createSlackClient({
    baseUrl: emulator.url,
    team,
    random: () => 0.5,
    ...options,
    budget,
    fetch: fetchImpl,
    sleep,
  });
  return { client, budget, statuses, requests, sleeps };
}
