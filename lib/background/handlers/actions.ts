import { actionById, ACTIONS } from '../../actions/catalog';
import { runAction } from '../../actions/runner';
import { CourierFailure } from '../../errors';
import { accountContext } from '../../actions/account-context';
import { describeAction } from '../../actions/describe';
import type { Handlers } from '../../messaging/router';
import type { Services } from '../services';

export function actionHandlers(services: () => Promise<Services>): Pick<Handlers, 'actions.list' | 'actions.run'> {
  let views: ReturnType<typeof describeAction>[] | undefined;
  return {
    // Derived once per worker: the catalog does not change while it runs.
    'actions.list': () => Promise.resolve((views ??= ACTIONS.map(describeAction))),
    'actions.run': async ({ accountId, actionId, input }) => {
      const action = actionById(actionId);
      if (!action) throw new CourierFailure('invalid_input', `There is no action "${actionId}".`);
      const { runner } = await accountContext(await services(), accountId);
      const started = performance.now();
      const outcome = await runAction(action, input, runner);
      return { result: outcome.result, tokenKind: outcome.tokenKind, ms: Math.round(performance.now() - started) };
    },
  };
}
