import { h, render } from 'preact';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { StatusSection } from '@/components/popup/StatusSection';
import { STATUS_SLOT } from '@/components/popup/status-slot';

/**
 * The popup's Status section as its own classic script: the popup loads it once it has painted
 * (components/popup/status-slot.tsx), so the section costs the first paint nothing.
 */
export default defineUnlistedScript(() => {
  const slot = document.getElementById(STATUS_SLOT);
  if (slot) render(h(StatusSection, {}), slot);
});
