/**
 * npm run demo: the built-in Slack emulator plus a Chromium window with the e2e build of Courier.
 * No Slack app and no network needed. Without a display it says so and serves the emulator alone.
 */
import { DEMO_APP, startEmulator } from '../test/emulator/index';
import { launchWithExtension } from '../test/support/chromium';
import { addProfile } from '../test/support/options-page';

const port = Number(process.env.PORT ?? 8787);

function hasDisplay(): boolean {
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform !== 'linux';
}

async function main() {
  const emulator = await startEmulator({ port });
  console.log(`Slack emulator listening on ${emulator.url}`);
  console.log(`Demo workspaces: Acme Corp and Globex. Use Slack base URL ${emulator.url} in a connector profile.`);

  const stop = async () => {
    await emulator.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  if (!hasDisplay()) {
    console.log('No display found ($DISPLAY is not set), so Chromium cannot open a window here.');
    console.log(
      'The emulator keeps running. On a desktop, run "npm run demo" again, or use "xvfb-run -a npm run demo".',
    );
    console.log('Press Ctrl+C to stop.');
    return;
  }

  const { context, extensionId } = await launchWithExtension({ headless: false });
  // The window's first tab, not a new one: no stray about:blank beside the options page.
  const options = context.pages()[0] ?? (await context.newPage());
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  // The ready profile for the emulator, entered through the form as a person would.
  await addProfile(options, {
    name: 'Slack emulator (demo)',
    clientId: DEMO_APP.clientId,
    clientSecret: DEMO_APP.clientSecret,
    baseUrl: emulator.url,
  });
  // The guide puts its "Connect workspace" in view and focuses it once the profile exists.
  await options
    .getByRole('region', { name: 'Set up Courier' })
    .getByRole('button', { name: 'Connect workspace' })
    .waitFor();
  console.log(`Courier is loaded in Chromium (extension id ${extensionId}).`);
  console.log(
    'Click "Connect workspace", then "Allow" on the consent page. Close the browser or press Ctrl+C to stop.',
  );
  context.on('close', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
