import { useId, useState } from 'preact/hooks';
import { useDirectory } from '@/components/popup/useDirectory';
import { targetFor } from '@/lib/directory/filter';
import { targetFromRecent } from '@/lib/platform/recents';
import { normaliseSite, ruleTrouble, troubleSentence, withoutRule, withSiteChanged } from '@/lib/share/site-rules';
import { useSetting } from '@/components/useSetting';
import { siteRules, type SiteRule } from '@/lib/store/settings';

interface Notice {
  text: string;
  failed: boolean;
}

const useRules = () => useSetting(siteRules);

/** Changes the rules as they are stored now; false when `change` refused (null). */
async function change(edit: (rules: SiteRule[]) => SiteRule[] | null): Promise<boolean> {
  const next = edit(await siteRules.getValue());
  if (!next) return false;
  await siteRules.setValue(next);
  return true;
}

interface RowProps {
  rule: SiteRule;
  trouble: 'gone' | 'left' | null;
  announce: (notice: Notice) => void;
}

function RuleRow({ rule, trouble, announce }: RowProps) {
  const id = useId();
  const [draft, setDraft] = useState(rule.site);
  const [error, setError] = useState('');
  // Rows are keyed by their place in the stored list: when its rule changes (saved here, or another
  // row removed), the field starts again from what is stored.
  const [shown, setShown] = useState(`${rule.site} ${rule.key}`);
  if (shown !== `${rule.site} ${rule.key}`) {
    setShown(`${rule.site} ${rule.key}`);
    setDraft(rule.site);
    setError('');
  }

  const save = async (event: Event) => {
    event.preventDefault();
    const site = normaliseSite(draft);
    const saved = site !== null && (await change((rules) => withSiteChanged(rules, rule.site, site)));
    const message = saved
      ? ''
      : site === null
        ? 'Type a host, or a host and a path, such as github.com or github.com/acme.'
        : `${site} has a rule of its own already: change or remove that one.`;
    setError(message);
    announce(
      saved ? { text: `Courier suggests ${rule.label} on ${site}.`, failed: false } : { text: message, failed: true },
    );
  };
  const remove = async () => {
    await change((rules) => withoutRule(rules, rule.site));
    announce({ text: `Removed the rule for ${rule.site}.`, failed: false });
  };

  return (
    <li class="site-rule">
      <form class="site-rule__form" onSubmit={(event) => void save(event)}>
        <label htmlFor={`${id}-site`}>Site for {rule.label}</label>
        <div class="site-rule__row">
          <input
            id={`${id}-site`}
            type="text"
            value={draft}
            spellcheck={false}
            autoComplete="off"
            {...(error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})}
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
          <button type="submit" aria-label={`Save site for ${rule.label}`}>
            Save
          </button>
          <button type="button" aria-label={`Remove the rule for ${rule.site}`} onClick={() => void remove()}>
            Remove
          </button>
        </div>
        {error && (
          <small id={`${id}-error`} class="error">
            {error}
          </small>
        )}
        {trouble && (
          <p class="error site-rule__trouble">
            {troubleSentence(rule, trouble)} Courier sends nothing there from {rule.site}: choose another channel in the
            popup on that site, or remove the rule.
          </p>
        )}
      </form>
    </li>
  );
}

/**
 * Options → Site channels: the site rules made in the popup ("Always suggest this channel on
 * <site>"), in the order they were made (a saved row stays where it is, with the keyboard in it), each with its site to widen or narrow (github.com, github.com/acme) and Remove, and a
 * sentence for a rule whose channel the directory no longer lists as one Courier can send to.
 */
export function SiteChannelsSection() {
  const rules = useRules();
  const directory = useDirectory();
  const [notice, setNotice] = useState<Notice>({ text: '', failed: false });
  const troubleOf = (rule: SiteRule) => {
    if (directory.status !== 'ready') return null;
    const account = targetFromRecent(rule)?.accountId;
    if (!account || !directory.accountIds.includes(account)) return null;
    return ruleTrouble(targetFor(directory.index, rule.key));
  };
  return (
    <section id="site-channels" aria-labelledby="site-channels-title">
      <h2 id="site-channels-title">Site channels</h2>
      <p class="muted">
        On a site with a channel of its own, the popup's picker starts with that channel, the send-to-last shortcut
        (Alt+Shift+L) sends there and the right-click menus list it first. A site is a host (github.com, which includes
        www.github.com) or a host and a path (github.com/acme, for the pages under it); where two match, the longer one
        wins.
      </p>
      {rules?.length === 0 && (
        <p class="muted">
          No site has a channel yet. In the popup, choose a channel and tick "Always suggest this channel on" the site.
        </p>
      )}
      {rules && rules.length > 0 && (
        <ul class="site-rules" aria-labelledby="site-channels-title">
          {rules.map((rule, at) => (
            <RuleRow key={at} rule={rule} trouble={troubleOf(rule)} announce={setNotice} />
          ))}
        </ul>
      )}
      <p role="status" class={notice.failed ? 'error' : 'muted'}>
        {notice.text}
      </p>
    </section>
  );
}
