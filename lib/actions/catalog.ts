// Every action Courier offers, in the order the console lists them. Adding one is adding its entry
// to its domain file; everything else (forms, scopes, docs) reads this list.
import { CONNECT_ACTIONS } from './connect';
import { CONVERSATION_ACTIONS } from './conversations';
import { FILE_ACTIONS } from './files';
import { MEMBER_ACTIONS } from './members';
import { MESSAGE_ACTIONS } from './messages';
import { SCHEDULED_ACTIONS } from './scheduled';
import { STATUS_ACTIONS } from './status';
import type { ActionDef } from './types';
import { UNIFIED_ACTIONS } from './unified';
import { USER_ACTIONS } from './users';

export const ACTIONS: readonly ActionDef[] = [
  ...MESSAGE_ACTIONS,
  ...SCHEDULED_ACTIONS,
  ...CONVERSATION_ACTIONS,
  ...MEMBER_ACTIONS,
  ...CONNECT_ACTIONS,
  ...FILE_ACTIONS,
  ...USER_ACTIONS,
  ...STATUS_ACTIONS,
  ...UNIFIED_ACTIONS,
];

const BY_ID = new Map(ACTIONS.map((action) => [action.id, action]));

export function actionById(id: string): ActionDef | undefined {
  return BY_ID.get(id);
}
