import { useCallback, useEffect, useState } from 'preact/hooks';
import type { RecentTarget } from '@/lib/store/settings';
import { favouriteTargets, recentTargets } from '@/lib/store/settings';

export interface TargetPrefs {
  recents: readonly string[];
  favourites: ReadonlySet<string>;
  toggleFavourite: (key: string) => void;
}

const recentKeys = (recents: readonly RecentTarget[]) => recents.map((entry) => entry.key);

/**
 * Recent and favourite targets (settings in lib/store/settings.ts), kept current while the page is
 * open. Favourites are written here, when a person stars a target in the picker.
 */
export function useTargetPrefs(): TargetPrefs {
  const [recents, setRecents] = useState<readonly string[]>([]);
  const [favourites, setFavourites] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => {
    let live = true;
    void Promise.all([recentTargets.getValue(), favouriteTargets.getValue()]).then(([recent, favourite]) => {
      if (!live) return;
      setRecents(recentKeys(recent));
      setFavourites(new Set(favourite));
    });
    const stopRecents = recentTargets.watch((recent) => setRecents(recentKeys(recent)));
    const stopFavourites = favouriteTargets.watch((favourite) => setFavourites(new Set(favourite)));
    return () => {
      live = false;
      stopRecents();
      stopFavourites();
    };
  }, []);
  const toggleFavourite = useCallback((key: string) => {
    void favouriteTargets.getValue().then((keys) => {
      const next = keys.includes(key) ? keys.filter((other) => other !== key) : [...keys, key];
      return favouriteTargets.setValue(next);
    });
  }, []);
  return { recents, favourites, toggleFavourite };
}
