// npx tsx test/emulator/cli.ts [--port N] [--host H] [--rate-limits]: the demo seed, until SIGINT or SIGTERM.
import { startEmulator } from './index';

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const port = Number(argValue('--port') ?? 0);
const emulator = await startEmulator({
  port,
  host: argValue('--host') ?? '127.0.0.1',
  seed: 'demo',
  rateLimits: process.argv.includes('--rate-limits'),
});
console.log(`Slack emulator listening on ${emulator.url}`);

let closing = false;
function shutdown(): void {
  if (closing) return;
  closing = true;
  emulator.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
