// Compile-time proof that the generated manifest holds only fields of Slack's manifest schema, as
// Slack's own SDK types it. `tsc --noEmit` (npm test's "types" step) fails on any unknown key.
import type { AppsManifestCreateArguments } from '@slack/web-api';
import type { slackAppManifest } from './app-manifest';

type Manifest = AppsManifestCreateArguments['manifest'];

/** The keys a type names, without an index signature (Manifest extends Record<string, unknown>). */
type NamedKeys<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

/** The paths of keys in T that Shape does not define, as "a.b.c"; never when there are none. */
export type UnknownKeys<T, Shape, At extends string = ''> = T extends readonly (infer Item)[]
  ? Shape extends readonly (infer ShapeItem)[]
    ? UnknownKeys<Item, ShapeItem, At>
    : never
  : T extends object
    ? {
        [K in keyof T & string]: K extends NamedKeys<Shape>
          ? UnknownKeys<T[K], NonNullable<Shape[K & keyof Shape]>, `${At}${K}.`>
          : `${At}${K}`;
      }[keyof T & string]
    : never;

type Check<Extra> = [Extra] extends [never] ? true : Extra;

export const generatedIsSlackManifest: Check<UnknownKeys<ReturnType<typeof slackAppManifest>, Manifest>> = true;

// The check can fail: the fields Courier used to write, which Slack's schema does not define.
type Before = { oauth_config: { token_rotation_enabled: true; pkce_enabled: true }; display_information: { name: '' } };
// @ts-expect-error oauth_config.token_rotation_enabled and oauth_config.pkce_enabled are unknown to Slack
export const oldManifestWasNot: Check<UnknownKeys<Before, Manifest>> = true;
