import { randomBytes } from 'node:crypto';
import { createBudget } from '../lib/slack/budget';
import { bindToken, createSlackClient } from '../lib/slack/client';
import { createTransport } from '../lib/slack/transport';
import { uploadFile } from '../lib/slack/upload';
import { startEmulator } from '../test/emulator';
import { interleave, median, timed } from './stats';
import type { Benchmark } from './types';

const MB = 1024 * 1024;
const SIZE = 100 * MB;
const ROUNDS = 5;
const TEAM = 'T0ACME001';

/**
 * Upload: 100 MB through Courier's three-step upload (ticket, bytes, complete) against a plain fetch
 * POST of the same bytes to an upload URL of the emulator, the network's own time for the bytes.
 */
const benchmark: Benchmark = async () => {
  const emulator = await startEmulator({ maxUploadBytes: SIZE });
  try {
    const { access_token: token } = emulator.state.install({
      teamId: TEAM,
      botScopes: ['files:write'],
      userScopes: [],
    });
    if (!token) throw new Error('The emulator gave no bot token.');
    const file = new Blob([randomBytes(SIZE)]);
    const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
    const client = createSlackClient({
      baseUrl: emulator.url,
      team: TEAM,
      budget: createBudget({ now: Date.now, sleep }),
    });
    const api = bindToken(client, token);
    const workspace = emulator.state.workspaces.get(TEAM)!;
    // The emulator keeps every file's bytes: let each round's 100 MB go.
    const forget = () => {
      workspace.files = workspace.files.filter((f) => f.size !== SIZE);
      emulator.state.uploads.clear();
    };

    const courier = async () => {
      const ms = await timed(() => uploadFile(api, { file, filename: 'bench.bin' }));
      if (workspace.files.at(-1)?.size !== SIZE) throw new Error('Courier did not deliver the 100 MB.');
      forget();
      return ms;
    };
    const plain = async () => {
      const ticket = await createTransport(emulator.url).call(
        'files.getUploadURLExternal',
        { filename: 'bench.bin', length: SIZE },
        { token },
      );
      const ms = await timed(async () => {
        const response = await fetch(String(ticket.upload_url), { method: 'POST', body: file });
        if (response.status !== 200) throw new Error(`The plain POST got HTTP ${response.status}.`);
        await response.arrayBuffer();
      });
      forget();
      return ms;
    };

    const samples = await interleave(ROUNDS, { courier, plain });
    const figures = { courier: median(samples.courier!), plain: median(samples.plain!) };
    return [
      {
        name: 'upload: 100 MB, three steps',
        unit: 'ms',
        courier: figures.courier,
        baseline: figures.plain,
        baselineName: 'plain fetch POST of the bytes',
        goal: '≤ 1.10× plain POST',
        pass: figures.courier <= 1.1 * figures.plain,
        note: `medians of ${ROUNDS} interleaved runs; Courier ${(SIZE / MB / (figures.courier / 1000)).toFixed(0)} MB/s`,
      },
    ];
  } finally {
    await emulator.close();
  }
};

export default benchmark;
