import { isCurrent } from '../directory/refresh';
import { listedIn } from '../directory/lookup';
import { notifySend } from '../platform/feedback';
import { targetFromRecent } from '../platform/recents';
import type { SendTarget } from '../protocol';
import { ruleFor, ruleTrouble, troubleSentence } from '../share/site-rules';
import type { SiteRule } from '../store/settings';
import { siteRules } from '../store/settings';
import type { Services } from './services';

/** The site rule a page falls under (lib/share/site-rules.ts), if any. */
export async function siteRuleFor(url: string | undefined): Promise<SiteRule | undefined> {
  return ruleFor(await siteRules.getValue(), url);
}

/**
 * A site rule's target, when the cached directory still lists it as one Courier can send to. When it
 * does not (the channel was archived or left), a notification says so and the answer is null:
 * nothing is sent. A workspace whose directory has not been read is not second-guessed: the send
 * itself says what is wrong, if anything.
 */
export async function siteRuleTarget(services: Services, rule: SiteRule): Promise<SendTarget | null> {
  const target = targetFromRecent(rule);
  if (!target) return null;
  const record = await services.store.directory.get(target.accountId);
  const trouble = isCurrent(record) ? ruleTrouble(listedIn(record, target.id)) : null;
  if (!trouble) return target;
  await notifySend({
    id: crypto.randomUUID(),
    title: `Not sent to ${rule.label}`,
    message: `${troubleSentence(rule, trouble)} Choose another channel for ${rule.site} in the popup, or change the rule in Courier's options (Site channels).`,
  });
  return null;
}

/**
 * What a click on a site rule's menu item sends to: its target; null when the directory no longer
 * backs it (the person was told, nothing is sent); undefined when the rule is gone (choose instead).
 */
export async function siteChoiceTarget(services: Services, key: string): Promise<SendTarget | null | undefined> {
  const rule = (await siteRules.getValue()).find((entry) => entry.key === key);
  return rule ? siteRuleTarget(services, rule) : undefined;
}
