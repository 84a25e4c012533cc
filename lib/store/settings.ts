import { browser } from 'wxt/browser';

/**
 * Settings: what Courier remembers for the person outside IndexedDB, in storage.local, one typed
 * item per setting with its default beside it. Every reader and writer goes through the item, and
 * so does every page that follows a setting while it is open (`watch`).
 *
 * The keys are the storage.local keys each setting had before this module, so nobody loses
 * anything; `recent-targets` is also read by the menus and written by the e2e tests, so its name
 * and shape are a contract. Stored values are a boundary (another version of Courier or a hand
 * edit may have written them): each item parses what it reads and falls back to its default.
 *
 * `version` is the version of the stored shape. Every item is at version 1, the shape it has
 * always had. A change of shape bumps it and makes `parse` read the old shape too (or changes the
 * key), so a value written by an earlier Courier never needs a separate migration pass.
 *
 * The API follows WXT's storage items (getValue, setValue, watch, fallback, version), which would
 * fit but cost 3.6 KB gzipped in both the popup and the background, more than their budgets have.
 */
export interface Setting<T> {
  /** The storage.local key. */
  readonly key: string;
  /** What a missing or unreadable value reads as. */
  readonly fallback: T;
  readonly version: number;
  readonly getValue: () => Promise<T>;
  readonly setValue: (value: T) => Promise<void>;
  /** Calls back with the new value each time any page or the worker changes it; returns the way to stop. */
  readonly watch: (callback: (value: T) => void) => () => void;
}

interface SettingOptions<T> {
  fallback: T;
  version: number;
  /** The stored value as this setting's type, or undefined when it is not one. */
  parse: (stored: unknown) => T | undefined;
}

export function defineSetting<T>(key: string, { fallback, version, parse }: SettingOptions<T>): Setting<T> {
  const read = (stored: unknown): T => parse(stored) ?? fallback;
  return {
    key,
    fallback,
    version,
    getValue: async () => read((await browser.storage.local.get(key))[key]),
    setValue: (value) => browser.storage.local.set({ [key]: value }),
    watch: (callback) => {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && key in changes) callback(read(changes[key]?.newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : undefined;

/** How many days the history keeps what was sent (Options › History). */
export const historyRetentionDays = defineSetting<number>('history-retention-days', {
  fallback: 30,
  version: 1,
  parse: (value) => (typeof value === 'number' && value > 0 ? value : undefined),
});

/** When the last duplicate sweep began (lib/background/alarms.ts): what had settled by then was tried. */
export const lastSweepAt = defineSetting<number>('duplicate-sweep-at', {
  fallback: 0,
  version: 1,
  parse: (value) => (typeof value === 'number' && value >= 0 ? value : undefined),
});

/** A target sent to, as the recents list keeps it: `key` is `${accountId}:${id}`. */
export interface RecentTarget {
  key: string;
  label: string;
}

/**
 * Recent targets, most recent first: written by the background after each send, read by the popup,
 * the menus and the send-to-last command. Entries of another shape are left out.
 */
export const recentTargets = defineSetting<RecentTarget[]>('recent-targets', {
  fallback: [],
  version: 1,
  parse: (value) =>
    Array.isArray(value)
      ? value.filter(
          (entry): entry is RecentTarget =>
            typeof (entry as RecentTarget | null)?.key === 'string' &&
            typeof (entry as RecentTarget).label === 'string',
        )
      : undefined,
});

/** Target keys the person starred in the popup's picker, in the order they were starred. */
export const favouriteTargets = defineSetting<string[]>('favourite-targets', {
  fallback: [],
  version: 1,
  parse: strings,
});

/** One run of a Slack action from the console. Inputs only: results and tokens are never kept. */
export interface RecentRun {
  accountId: string;
  teamName: string;
  actionId: string;
  title: string;
  input: Record<string, unknown>;
  at: number;
  ok: boolean;
}

/** Recent console runs, newest first. */
export const recentConsoleRuns = defineSetting<RecentRun[]>('console:recent', {
  fallback: [],
  version: 1,
  // As before this module: any array is taken as the runs, each as written by rememberRun.
  parse: (value) => (Array.isArray(value) ? (value as RecentRun[]) : undefined),
});

/**
 * Site patterns ("https://cdn.example.com/*") whose downloads the browser refused Courier, oldest
 * first, so a later click on such a site can ask for access at once.
 */
export const sitesNeedingAccess = defineSetting<string[]>('sites-needing-access', {
  fallback: [],
  version: 1,
  parse: strings,
});

/**
 * A default channel per site: on a page of `site` the popup's picker starts on the target, the
 * send-to-last shortcut sends there and the menus list it first. `site` is a host with an optional
 * port and path prefix ("github.com", "localhost:3000", "github.com/acme"), as lib/share/site-rules.ts
 * writes and matches it; `key` and `label` are the target's, as in the recents.
 */
export interface SiteRule {
  site: string;
  key: string;
  label: string;
}

/** Site rules, in the order they were made; at most one per site. Entries of another shape are left out. */
export const siteRules = defineSetting<SiteRule[]>('site-rules', {
  fallback: [],
  version: 1,
  parse: (value) =>
    Array.isArray(value)
      ? value.filter(
          (entry): entry is SiteRule =>
            typeof (entry as SiteRule | null)?.site === 'string' &&
            (entry as SiteRule).site !== '' &&
            typeof (entry as SiteRule).key === 'string' &&
            typeof (entry as SiteRule).label === 'string',
        )
      : undefined,
});

// The status presets (Options › Status) are a setting like these, defined with defineSetting in
// ./status-presets.ts: there, the popup's first script, which reads the settings above, does not
// carry their defaults and parser (0.4 KB gzipped; only the Status script and options read them).
