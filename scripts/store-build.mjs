// What a person installs from a store: checks the production builds (after `npm run build`) hold
// no e2e-only permission, key or hook, ask for other sites only as optional permissions, ask for no
// permission their code does not use, and declare to Firefox what they send to Slack.
//
//   node scripts/store-build.mjs      exits 1 and says what is wrong when a check fails
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const output = path.resolve(import.meta.dirname, '../.output');
const SLACK_HOSTS = ['https://slack.com/*', 'https://files.slack.com/*'];
/** Each permission Courier asks for at install, and code that shows it is used. */
const PERMISSIONS = {
  identity: 'launchWebAuthFlow',
  alarms: 'alarms.create',
  contextMenus: 'onClicked',
  storage: 'storage.local',
  notifications: 'notifications.create',
  // activeTab grants the current tab on a click; scripting reads its selection with that grant.
  activeTab: 'executeScript',
  scripting: 'executeScript',
};
const DATA_COLLECTION = ['browsingActivity', 'websiteContent', 'personalCommunications'];
const OPTIONAL_HOSTS = ['http://*/*', 'https://*/*'];
// Strings only the e2e builds may carry: the test grant's host and the hooks. (Loopback names occur
// in the store build too: the base-URL check refuses them there.)
const E2E_ONLY = ['127.0.0.2', 'courierE2E', 'drainOutbox', 'setDownloadLimits'];

const problems = [];
const same = (a = [], b = []) => a.length === b.length && a.every((item) => b.includes(item));

function scripts(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

for (const build of ['chrome-mv3', 'firefox-mv3']) {
  const root = path.join(output, build);
  const manifest = JSON.parse(readFileSync(path.join(root, 'manifest.json'), 'utf8'));
  const say = (text) => problems.push(`${build}: ${text}`);
  if (!same(manifest.host_permissions, SLACK_HOSTS)) {
    say(`host_permissions should be only Slack's hosts, not ${JSON.stringify(manifest.host_permissions)}`);
  }
  if (!same(manifest.optional_host_permissions, OPTIONAL_HOSTS)) {
    say(`optional_host_permissions should be ${JSON.stringify(OPTIONAL_HOSTS)}`);
  }
  if (!same(manifest.permissions, Object.keys(PERMISSIONS))) {
    say(`permissions should be ${Object.keys(PERMISSIONS).join(', ')}, not ${manifest.permissions?.join(', ')}`);
  }
  const code = scripts(root)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  for (const [permission, use] of Object.entries(PERMISSIONS)) {
    if (!code.includes(use)) say(`asks for ${permission} but no code calls ${use}`);
  }
  if (build.startsWith('firefox')) {
    const declared = manifest.browser_specific_settings?.gecko?.data_collection_permissions?.required;
    if (!same(declared, DATA_COLLECTION)) say(`data_collection_permissions.required should be ${DATA_COLLECTION}`);
  }
  if (manifest.key) say('carries the pinned development key; the store assigns the id');
  if (/e2e/i.test(manifest.name)) say(`is named "${manifest.name}"`);
  for (const file of scripts(root)) {
    const code = readFileSync(file, 'utf8');
    const found = E2E_ONLY.filter((needle) => code.includes(needle));
    if (found.length) say(`${path.relative(root, file)} contains ${found.join(', ')}`);
  }
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(
  'ok   store builds: two Slack hosts, other sites optional, only the permissions in use, no key, no e2e host or hook',
);
