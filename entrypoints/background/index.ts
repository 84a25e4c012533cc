import { defineBackground } from '#imports';
import { setupMessages } from '@/lib/background/messages';

export default defineBackground({
  type: 'module',
  // Listeners are registered synchronously here so that a woken worker sees the event that woke it.
  main() {
    setupMessages(Date.now());
  },
});
