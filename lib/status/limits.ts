// What Slack takes as a status, for the catalog's input schema and the presets' form alike. A module
// of its own, so the worker (which reads only these) does not carry the presets.

/** Slack's limit on status_text. */
export const STATUS_TEXT_MAX = 100;
/** An emoji as Slack names it: ":calendar:", ":+1:", ":skin-tone-2:". */
export const EMOJI_NAME = /^:[a-z0-9_+'-]+:$/;
