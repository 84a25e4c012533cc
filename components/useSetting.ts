import { useEffect, useState } from 'preact/hooks';
import type { Setting } from '@/lib/store/settings';

/** A setting's value, kept current while the page is open; undefined until it is first read. */
export function useSetting<T>(setting: Setting<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    void setting.getValue().then((read) => live && setValue(() => read));
    const stop = setting.watch((next) => setValue(() => next));
    return () => {
      live = false;
      stop();
    };
  }, [setting]);
  return value;
}
