import { useEffect, useId, useRef } from 'preact/hooks';
import { targetFor, type DirectoryIndex } from '@/lib/directory/filter';
import { targetFromRecent } from '@/lib/platform/recents';
import { ruleFor, ruleTrouble, siteOfPage, troubleSentence, withoutRule, withRule } from '@/lib/share/site-rules';
import { useSetting } from '@/components/useSetting';
import { siteRules } from '@/lib/store/settings';
import { sendTargets } from './send-targets';

export interface SiteChannelProps {
  /** The page the popup was opened on (a selection's or a link's page, too). */
  url: string;
  index: DirectoryIndex;
  /** The workspaces whose directory is cached: only they can tell that a target is gone. */
  accountIds: readonly string[];
  selected: readonly string[];
  select: (keys: string[]) => void;
}

/** The site rules (a setting, lib/store/settings.ts), kept current while the popup is open. */
const useSiteRules = () => useSetting(siteRules);

/**
 * The site's channel, below the picker (loaded once the picker can be used, so it never delays it).
 *
 * On a page that a site rule is for (lib/share/site-rules.ts), the rule's target is chosen once the
 * rules and its workspace's directory are read, unless the person chose something first. When the
 * directory no longer lists it as a channel Courier can send to (archived, left), nothing is chosen
 * and a sentence says why.
 *
 * For one chosen target Courier can send to: "Always suggest this channel on <site>". Its site is
 * the rule's when the page falls under one (ticking replaces that rule), the page's host otherwise;
 * options → Site channels widens or narrows it.
 */
export function SiteChannel({ url, index, accountIds, selected, select }: SiteChannelProps) {
  const id = useId();
  const rules = useSiteRules();
  const rule = rules && ruleFor(rules, url);
  const account = rule && targetFromRecent(rule)?.accountId;
  const known = account !== undefined && accountIds.includes(account);
  const trouble = rule && known ? ruleTrouble(targetFor(index, rule.key)) : null;

  const settled = useRef(false);
  useEffect(() => {
    if (settled.current || !rules) return;
    if (rule && !known) return; // Its workspace's directory is still on its way.
    settled.current = true;
    if (rule && !trouble && selected.length === 0) select([rule.key]);
  }, [rules, known]);

  const site = rule?.site ?? siteOfPage(url);
  const [key] = selected;
  const chosen = selected.length === 1 && key !== undefined ? targetFor(index, key) : undefined;
  const toggle = (on: boolean) => {
    if (!site || !key) return;
    const label = sendTargets(index, [key])[0]?.label ?? key;
    void siteRules.getValue().then((current) => {
      const next = on ? withRule(current, { site, key, label }) : withoutRule(current, site);
      return next ? siteRules.setValue(next) : undefined;
    });
  };
  return (
    <>
      {rule && trouble && (
        <p class="composer__site-rule" data-testid="site-rule-trouble">
          {troubleSentence(rule, trouble)} Courier no longer suggests it on {rule.site}: choose another channel, or
          change the rule in the options.
        </p>
      )}
      {site && rules && key && chosen && !ruleTrouble(chosen) && (
        <div class="composer__site">
          <span class="check">
            <input
              id={`${id}-site`}
              type="checkbox"
              checked={rule?.key === key}
              aria-describedby={`${id}-site-hint`}
              onChange={(event) => toggle(event.currentTarget.checked)}
            />
            <label htmlFor={`${id}-site`}>Always suggest this channel on {site}</label>
          </span>
          <small id={`${id}-site-hint`} class="muted">
            The picker, the send-to-last shortcut and the right-click menus start with it there.
          </small>
        </div>
      )}
    </>
  );
}
