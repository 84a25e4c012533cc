import { defineBackground } from '#imports';
import { setupAlarms } from '@/lib/background/alarms';
import { exposeForE2E } from '@/lib/background/e2e-hooks';
import { setupMessages } from '@/lib/background/messages';
import { setupNotifications } from '@/lib/background/notifications';
import type { Services } from '@/lib/background/services';
import { createServices } from '@/lib/background/services';

export default defineBackground({
  type: 'module',
  // Listeners are registered synchronously here so that a woken worker sees the event that woke it.
  main() {
    let ready: Promise<Services> | undefined;
    const services = () => (ready ??= createServices());
    setupMessages(Date.now(), services);
    setupAlarms(services);
    setupNotifications();
    void services().then(({ health }) => health.updateBadge());
    if (import.meta.env.MODE === 'e2e') exposeForE2E(services);
  },
});
