import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * Public half of a key made for development and e2e builds only. It pins the extension id to
 * hemhfgbpiiiaiahpipadgoafajeifogj, so the OAuth redirect URL
 * https://hemhfgbpiiiaiahpipadgoafajeifogj.chromiumapp.org/ stays the same on every machine.
 * Store builds leave it out: the store assigns the id.
 */
const DEV_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArG6uQ7edBtx8XKBGRU0AXl32D+0drgkeQZ24b5F+2d84+a091FMtZ/j5ILEAxoSJaSX6PhsAkTuUlfhlLqgbb9XkQAInY57CiWKbS46L4VDiCBKkWSz8UtYeSlwMF4mYeg4wqtqnIb1U2s0cl+2UUIbR3Kgi7N7KyhSMEeq4B+Z9BYiFpb6Y0TgSYzSj2hhCLffSsKRF8lZTbrIxkB6Zcl39INamtm8dHS2AnizfLUQJJV/JDk80LXURt0JzicV7ZVyKPXF/rdZPFvLSRL7oIRyIeWD6y+LNQTk9oPBgx6i7b2wZpqFr56kmbfgTiUFX6WABjofYTJ/DZM+SloK8BQIDAQAB';

/**
 * Slack's Web API and its upload host, nothing wider: https://*.slack.com/* would also let Courier
 * script every app.slack.com tab, which it never does (the composer reads a selection through
 * activeTab). A base URL on another Slack host is asked for as an optional permission.
 */
const SLACK_HOSTS = ['https://slack.com/*', 'https://files.slack.com/*'];
/**
 * Asked for at run time, one site at a time (or "Allow sharing from all sites"): the sites shared
 * images and files come from, and a GovSlack or proxy base URL. Nothing is asked at install.
 */
const OPTIONAL_HOSTS = ['http://*/*', 'https://*/*'];
/**
 * The e2e-grant build stands in for a person who allowed one site: 127.0.0.2, where the e2e tests
 * serve images without CORS (a headless browser cannot click the permission prompt).
 */
const GRANTED_TEST_HOSTS = ['http://127.0.0.2/*'];
/** Loopback Slack base URLs (the emulator), allowed only in the e2e build. */
const LOOPBACK_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  targetBrowsers: ['chrome', 'firefox'],
  // Firefox too: an event page (background.scripts) that Firefox suspends like Chrome's worker, the
  // same action/host_permissions model, and host permissions granted at install since Firefox 127.
  // The README's "Tested browsers" says why MV3 over MV2.
  manifestVersion: 3,
  webExt: { disabled: true },
  vite: () => ({ plugins: [preact({ devToolsEnabled: false })] }),
  zip: {
    excludeSources: ['.ci/**', 'playwright-report/**', 'test-results/**', 'reports/**'],
  },
  manifest: ({ browser, mode }) => {
    const granted = mode === 'e2e-grant';
    const e2e = mode === 'e2e' || granted;
    const pinned = mode !== 'production';
    return {
      name: e2e ? 'Courier for Slack (e2e)' : 'Courier for Slack',
      description:
        'Send pages, links, selections and files to Slack, set presence, schedule messages and run every Slack action.',
      // activeTab + scripting read the current page's selection for the composer, only when asked.
      permissions: ['identity', 'alarms', 'contextMenus', 'storage', 'notifications', 'activeTab', 'scripting'],
      commands: {
        _execute_action: {
          suggested_key: { default: 'Alt+Shift+K' },
          description: 'Open the Courier composer',
        },
        'send-page-to-last': {
          suggested_key: { default: 'Alt+Shift+L' },
          description: 'Send the current page to the last Slack target',
        },
      },
      host_permissions: e2e ? [...SLACK_HOSTS, ...LOOPBACK_HOSTS, ...(granted ? GRANTED_TEST_HOSTS : [])] : SLACK_HOSTS,
      optional_host_permissions: OPTIONAL_HOSTS,
      ...(pinned && browser !== 'firefox' ? { key: DEV_PUBLIC_KEY } : {}),
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'courier@courier-for-slack.dev',
                strict_min_version: '142.0',
                // What Courier sends to Slack, only when the person sends it (Mozilla's taxonomy):
                // page addresses and titles (browsingActivity), selections, images and files from
                // pages (websiteContent), and the messages people write (personalCommunications).
                // Slack's tokens only ever go back to Slack, which issued them, so no
                // authenticationInfo; nothing goes anywhere else, so no technicalAndInteraction.
                data_collection_permissions: {
                  required: ['browsingActivity', 'websiteContent', 'personalCommunications'],
                },
              },
            },
          }
        : {}),
    };
  },
});
