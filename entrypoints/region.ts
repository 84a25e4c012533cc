import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { MIN_REGION, type Region } from '@/lib/share/screenshot';

/**
 * Injected into the page only when the person asks for a region screenshot
 * (scripting.executeScript, lib/background/capture.ts): a veil over the viewport to drag a
 * rectangle on. It answers the rectangle in CSS pixels with the viewport's size and
 * devicePixelRatio (the worker crops the capture), or null for Escape; Enter takes the whole
 * visible part. It removes itself, and waits until the page is painted without it, before it answers.
 */
export default defineUnlistedScript({ main: selectRegion });

const HINT = 'Drag over the part of the page to share. Enter: all of it. Esc: cancel.';

const STYLE = `
  .veil { position: fixed; inset: 0; cursor: crosshair; background: rgb(0 0 0 / 0.3); }
  .veil.dragging { background: transparent; }
  .hint { position: fixed; top: 12px; left: 50%; transform: translateX(-50%); margin: 0;
    padding: 6px 12px; border-radius: 6px; background: #1d1c1d; color: #fff;
    font: 14px/1.4 system-ui, sans-serif; pointer-events: none; }
  .box { position: fixed; border: 2px solid #fff; outline: 1px solid #1d1c1d;
    box-shadow: 0 0 0 100vmax rgb(0 0 0 / 0.3); pointer-events: none; }
`;

function selectRegion(): Promise<Region | null> {
  const page = globalThis as { courierRegionCancel?: () => void };
  // Asked again while a veil is up: the first one gives way.
  page.courierRegionCancel?.();
  return new Promise((resolve) => {
    const host = document.createElement('courier-region');
    host.setAttribute('style', 'all: initial; position: fixed; inset: 0; z-index: 2147483647;');
    const root = host.attachShadow({ mode: 'closed' });
    root.innerHTML = `<style>${STYLE}</style><div class="veil"><p class="hint"></p><div class="box" hidden></div></div>`;
    const veil = root.querySelector<HTMLElement>('.veil')!;
    const box = root.querySelector<HTMLElement>('.box')!;
    root.querySelector('.hint')!.textContent = HINT;
    let start: { x: number; y: number } | null = null;
    let current = { x: 0, y: 0, width: 0, height: 0 };

    const finish = (region: { x: number; y: number; width: number; height: number } | null) => {
      removeEventListener('keydown', onKey, true);
      host.remove();
      delete page.courierRegionCancel;
      const answer = region && {
        ...region,
        viewportWidth: innerWidth,
        viewportHeight: innerHeight,
        devicePixelRatio,
      };
      // Two frames: the veil is out of what the browser paints, so out of the capture.
      let answered = false;
      const done = () => {
        if (answered) return;
        answered = true;
        resolve(answer);
      };
      requestAnimationFrame(() => requestAnimationFrame(done));
      setTimeout(done, 300);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' && event.key !== 'Enter') return;
      event.preventDefault();
      event.stopPropagation();
      finish(event.key === 'Enter' ? { x: 0, y: 0, width: innerWidth, height: innerHeight } : null);
    };
    veil.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      event.preventDefault();
      veil.setPointerCapture(event.pointerId);
      start = { x: event.clientX, y: event.clientY };
    });
    veil.addEventListener('pointermove', (event) => {
      if (!start) return;
      current = {
        x: Math.min(start.x, event.clientX),
        y: Math.min(start.y, event.clientY),
        width: Math.abs(event.clientX - start.x),
        height: Math.abs(event.clientY - start.y),
      };
      veil.classList.add('dragging');
      box.hidden = false;
      Object.assign(box.style, {
        left: `${current.x}px`,
        top: `${current.y}px`,
        width: `${current.width}px`,
        height: `${current.height}px`,
      });
    });
    veil.addEventListener('pointerup', () => {
      if (!start) return;
      start = null;
      // A click is not a region: the veil stays for a drag.
      if (current.width >= MIN_REGION && current.height >= MIN_REGION) return finish(current);
      veil.classList.remove('dragging');
      box.hidden = true;
    });
    addEventListener('keydown', onKey, true);
    page.courierRegionCancel = () => finish(null);
    document.documentElement.append(host);
  });
}
