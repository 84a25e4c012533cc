import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parseRecents, RECENTS_KEY } from '@/lib/platform/recents';

/** Written here when a person stars a target in the picker. */
const FAVOURITES_KEY = 'favourite-targets';

export interface TargetPrefs {
  recents: readonly string[];
  favourites: ReadonlySet<string>;
  toggleFavourite: (key: string) => void;
}

const recentKeys = (value: unknown) => parseRecents(value).map((entry) => entry.key);

function favouriteKeys(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((key): key is string => typeof key === 'string') : [];
}

/** Recent and favourite targets from storage.local, kept current while the page is open. */
export function useTargetPrefs(): TargetPrefs {
  const [recents, setRecents] = useState<readonly string[]>([]);
  const [favourites, setFavourites] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    let live = true;
    void browser.storage.local.get([RECENTS_KEY, FAVOURITES_KEY]).then((stored) => {
      if (!live) return;
      setRecents(recentKeys(stored[RECENTS_KEY]));
      setFavourites(new Set(favouriteKeys(stored[FAVOURITES_KEY])));
    });
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      if (RECENTS_KEY in changes) setRecents(recentKeys(changes[RECENTS_KEY]?.newValue));
      if (FAVOURITES_KEY in changes) setFavourites(new Set(favouriteKeys(changes[FAVOURITES_KEY]?.newValue)));
    };
    browser.storage.onChanged.addListener(listener);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(listener);
    };
  }, []);
  const toggleFavourite = useCallback((key: string) => {
    void browser.storage.local.get(FAVOURITES_KEY).then((stored) => {
      const keys = favouriteKeys(stored[FAVOURITES_KEY]);
      const next = keys.includes(key) ? keys.filter((other) => other !== key) : [...keys, key];
      return browser.storage.local.set({ [FAVOURITES_KEY]: next });
    });
  }, []);
  return { recents, favourites, toggleFavourite };
}
