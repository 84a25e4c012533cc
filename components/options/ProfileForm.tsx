import { useState } from 'preact/hooks';
import { ask } from '@/lib/messaging/ask';
import type { ActionView, ClientType, ProfileInput, ProfileView } from '@/lib/protocol';
import { Field } from '../Field';
import { defaultActionIds, scopesForActionViews } from './action-scopes';
import { requestBaseUrlHost } from './base-url-host';

interface Props {
  profile?: ProfileView;
  actions: ActionView[];
  onDone: (saved?: ProfileView) => void;
}

const GROUP_TITLES: Record<string, string> = {
  messages: 'Messages',
  conversations: 'Conversations',
  files: 'Files',
  users: 'Users and presence',
  connect: 'Slack Connect (Enterprise plans)',
  unified: 'Unified users, groups and organizations',
};

function initialInput(actions: ActionView[], profile?: ProfileView): ProfileInput {
  if (profile) {
    return {
      id: profile.id,
      name: profile.name,
      baseUrl: profile.baseUrl,
      clientType: profile.clientType,
      clientId: profile.clientId,
      clientSecret: '',
      botScopes: profile.botScopes.join(', '),
      userScopes: profile.userScopes.join(', '),
      actions: profile.actions,
    };
  }
  const ids = defaultActionIds(actions);
  const scopes = scopesForActionViews(actions, ids);
  return {
    name: '',
    baseUrl: 'https://slack.com',
    clientType: 'confidential',
    clientId: '',
    clientSecret: '',
    botScopes: scopes.bot.join(', '),
    userScopes: scopes.user.join(', '),
    actions: ids,
  };
}

/** The form's fields in the order they are shown: an error names them, and focus goes to the first. */
const FIELDS: ReadonlyArray<{ keys: string[]; suffix: string; label: string }> = [
  { keys: ['name'], suffix: 'name', label: 'Profile name' },
  { keys: ['clientId'], suffix: 'client-id', label: 'Client ID' },
  { keys: ['clientSecret'], suffix: 'client-secret', label: 'Client secret' },
  { keys: ['baseUrl'], suffix: 'base-url', label: 'Slack base URL' },
  { keys: ['botScopes', 'scopes'], suffix: 'bot-scopes', label: 'Bot scopes' },
  { keys: ['userScopes'], suffix: 'user-scopes', label: 'User scopes' },
];

/** "Client ID", "Client ID and Client secret", "Profile name, Client ID and Bot scopes". */
export function invalidFields(errors: Record<string, string>): typeof FIELDS {
  return FIELDS.filter((field) => field.keys.some((key) => errors[key]));
}

function listed(labels: string[]): string {
  return labels.length < 2 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1) ?? ''}`;
}

function splitScopes(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

export function ProfileForm({ profile, actions, onDone }: Props) {
  const [input, setInput] = useState<ProfileInput>(() => initialInput(actions, profile));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const formId = profile ? `profile-${profile.id}` : 'profile-new';
  const set = (patch: Partial<ProfileInput>) => setInput((current) => ({ ...current, ...patch }));

  const toggleActions = (ids: string[], on: boolean) => {
    const chosen = on ? [...new Set([...input.actions, ...ids])] : input.actions.filter((id) => !ids.includes(id));
    const before = scopesForActionViews(actions, input.actions);
    const after = scopesForActionViews(actions, chosen);
    // Keep scopes typed by hand; add or drop only what the actions themselves need.
    const merge = (text: string, was: string[], now: string[]) => {
      const kept = splitScopes(text).filter((scope) => !was.includes(scope) || now.includes(scope));
      return [...new Set([...kept, ...now])].join(', ');
    };
    set({
      actions: chosen,
      botScopes: merge(input.botScopes, before.bot, after.bot),
      userScopes: merge(input.userScopes, before.user, after.user),
    });
  };
  const groups = [...new Set(actions.map((action) => action.group))];

  const save = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    setStatus('');
    try {
      // Asked before anything is awaited: browsers grant host permissions only inside the click.
      const refused = await requestBaseUrlHost(input.baseUrl);
      if (refused) {
        setErrors({ baseUrl: `Courier needs permission to reach ${refused}. Save again and allow it.` });
        return;
      }
      const result = await ask('profiles.save', input);
      if ('errors' in result) {
        setErrors(result.errors);
        const invalid = invalidFields(result.errors);
        setStatus(
          invalid.length
            ? `The profile was not saved: check ${listed(invalid.map((field) => field.label))}.`
            : `The profile was not saved: ${Object.values(result.errors).join(' ')}`,
        );
        // Where the person fixes it: the first field named, even if the form is scrolled past it.
        const first = invalid[0] && document.getElementById(`${formId}-${invalid[0].suffix}`);
        first?.focus();
        return;
      }
      setErrors({});
      onDone(result.saved);
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="profile-form" onSubmit={(event) => void save(event)} aria-labelledby={`${formId}-title`} noValidate>
      <h3 id={`${formId}-title`}>{profile ? `Edit ${profile.name}` : 'New connector profile'}</h3>
      <Field id={`${formId}-name`} label="Profile name" error={errors.name}>
        {(props) => <input {...props} value={input.name} onInput={(e) => set({ name: e.currentTarget.value })} />}
      </Field>
      <fieldset>
        <legend>Client type</legend>
        {(['confidential', 'public'] as ClientType[]).map((type) => (
          <label key={type} class="inline">
            <input
              type="radio"
              name={`${formId}-type`}
              checked={input.clientType === type}
              onChange={() => set({ clientType: type })}
            />{' '}
            {type === 'confidential' ? 'Confidential (client ID and client secret)' : 'Public (PKCE, client ID only)'}
          </label>
        ))}
      </fieldset>
      <Field
        id={`${formId}-client-id`}
        label="Client ID"
        error={errors.clientId}
        hint="From Basic Information → App Credentials, e.g. 1234567890.1234567890"
      >
        {(props) => (
          <input
            {...props}
            value={input.clientId}
            autoComplete="off"
            spellcheck={false}
            onInput={(e) => set({ clientId: e.currentTarget.value })}
          />
        )}
      </Field>
      {input.clientType === 'confidential' && (
        <Field
          id={`${formId}-client-secret`}
          label="Client secret"
          error={errors.clientSecret}
          hint={
            profile?.secretLost
              ? "Courier's encryption key for this browser was lost, so it can't read the stored secret: enter it again."
              : profile?.hasSecret
                ? 'Stored encrypted. Leave empty to keep it.'
                : 'Stored encrypted in this browser; never shown again.'
          }
        >
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="off"
              value={input.clientSecret ?? ''}
              onInput={(e) => set({ clientSecret: e.currentTarget.value })}
            />
          )}
        </Field>
      )}
      <Field
        id={`${formId}-base-url`}
        label="Slack base URL"
        error={errors.baseUrl}
        hint="https://slack.com, or https://slack-gov.com for GovSlack"
      >
        {(props) => (
          <input {...props} type="url" value={input.baseUrl} onInput={(e) => set({ baseUrl: e.currentTarget.value })} />
        )}
      </Field>
      <fieldset>
        <legend>Actions</legend>
        <p class="muted">The actions this profile enables; the scopes below follow them.</p>
        {groups.map((group) => {
          const inGroup = actions.filter((action) => action.group === group);
          const chosen = inGroup.filter((action) => input.actions.includes(action.id)).length;
          return (
            <details key={group} class="action-group">
              <summary>
                {GROUP_TITLES[group] ?? group}{' '}
                <span class="muted">
                  ({chosen} of {inGroup.length})
                </span>
              </summary>
              <label class="block">
                <input
                  type="checkbox"
                  checked={chosen === inGroup.length}
                  onChange={(e) =>
                    toggleActions(
                      inGroup.map((action) => action.id),
                      e.currentTarget.checked,
                    )
                  }
                />{' '}
                All {(GROUP_TITLES[group] ?? group).toLowerCase()} actions
              </label>
              {inGroup.map((action) => (
                <label key={action.id} class="block indent">
                  <input
                    type="checkbox"
                    checked={input.actions.includes(action.id)}
                    onChange={(e) => toggleActions([action.id], e.currentTarget.checked)}
                  />{' '}
                  {action.title}
                </label>
              ))}
            </details>
          );
        })}
      </fieldset>
      <Field
        id={`${formId}-bot-scopes`}
        label="Bot scopes"
        error={errors.botScopes ?? errors.scopes}
        hint="Comma separated"
      >
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={input.botScopes}
            onInput={(e) => set({ botScopes: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field
        id={`${formId}-user-scopes`}
        label="User scopes"
        error={errors.userScopes}
        hint="Comma separated; needed to act as yourself, e.g. for presence"
      >
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={input.userScopes}
            onInput={(e) => set({ userScopes: e.currentTarget.value })}
          />
        )}
      </Field>
      <p role="status" class={status ? 'error' : 'visually-hidden'}>
        {status}
      </p>
      <div class="row">
        <button type="submit" class="primary" disabled={saving}>
          Save profile
        </button>
        <button type="button" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
