import { oauthAccess } from '../oauth-access';
import { authMethods } from './auth';
import { chatMethods } from './chat';
import { conversationMethods } from './conversations';
import type { MethodDef } from './types';
import { userMethods } from './users';

/** Every Web API method the emulator serves, by name. Adding one is adding an entry. */
export const METHODS: ReadonlyMap<string, MethodDef> = new Map(
  [oauthAccess, ...authMethods, ...conversationMethods, ...userMethods, ...chatMethods].map((m) => [m.name, m]),
);
