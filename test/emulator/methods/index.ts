import { oauthAccess } from '../oauth-access';
import { authMethods } from './auth';
import { chatMethods } from './chat';
import { connectMethods } from './connect';
import { conversationAdminMethods } from './conversations-admin';
import { conversationInfoMethods } from './conversations-info';
import { conversationOpenMethods } from './conversations-open';
import { conversationMethods } from './conversations';
import { fileMethods } from './files';
import { historyMethods } from './history';
import { messageMethods } from './messages';
import { scheduledMethods } from './scheduled';
import { statusMethods } from './status';
import { teamMethods } from './team';
import type { MethodDef } from './types';
import { uploadMethods } from './upload';
import { usergroupMethods } from './usergroups';
import { userLookupMethods } from './users-lookup';
import { userMethods } from './users';

/** Every Web API method the emulator serves, by name. Adding one is adding an entry. */
export const METHODS: ReadonlyMap<string, MethodDef> = new Map(
  [
    oauthAccess,
    ...authMethods,
    ...teamMethods,
    ...conversationMethods,
    ...conversationInfoMethods,
    ...conversationAdminMethods,
    ...conversationOpenMethods,
    ...historyMethods,
    ...connectMethods,
    ...userMethods,
    ...userLookupMethods,
    ...statusMethods,
    ...usergroupMethods,
    ...chatMethods,
    ...messageMethods,
    ...scheduledMethods,
    ...uploadMethods,
    ...fileMethods,
  ].map((m) => [m.name, m]),
);
