import { DEFAULT_PRESETS, parsePresets, type StatusPreset } from '../status/presets';
import { defineSetting } from './settings';

/** The popup's status presets (Options › Status), in the order the popup shows them. */
export const statusPresets = defineSetting<StatusPreset[]>('status-presets', {
  fallback: [...DEFAULT_PRESETS],
  version: 1,
  parse: parsePresets,
});
