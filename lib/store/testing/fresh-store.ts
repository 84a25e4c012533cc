import { openCourierDB } from '../db';
import { loadSealingKey } from '../keys';
import type { CourierStore } from '../store';
import { createStore } from '../store';

/** A store on a fresh database with a clock the test moves by hand. */
export async function freshStore(name = 'courier-test'): Promise<CourierStore & { clock: { now: number } }> {
  const db = await openCourierDB(name);
  const clock = { now: 1_700_000_000_000 };
  return { ...createStore(db, await loadSealingKey(db), () => clock.now), clock };
}
