import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { requiredHostPermission } from '@/lib/auth/profile';
import { DEFAULT_PRESETS, SCOPE_PRESETS, scopesForPresets } from '@/lib/auth/scope-presets';
import { ask } from '@/lib/messaging';
import type { ClientType, ProfileInput, ProfileView } from '@/lib/protocol';
import { Field } from '../Field';

interface Props {
  profile?: ProfileView;
  onDone: (saved?: ProfileView) => void;
}

function initialInput(profile?: ProfileView): ProfileInput {
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
  const scopes = scopesForPresets(DEFAULT_PRESETS);
  return {
    name: '',
    baseUrl: 'https://slack.com',
    clientType: 'confidential',
    clientId: '',
    clientSecret: '',
    botScopes: scopes.botScopes.join(', '),
    userScopes: scopes.userScopes.join(', '),
    actions: DEFAULT_PRESETS,
  };
}

function splitScopes(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

export function ProfileForm({ profile, onDone }: Props) {
  const [input, setInput] = useState<ProfileInput>(() => initialInput(profile));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<ProfileInput>) => setInput((current) => ({ ...current, ...patch }));

  const togglePreset = (id: string, on: boolean) => {
    const actions = on ? [...input.actions, id] : input.actions.filter((action) => action !== id);
    const before = scopesForPresets(input.actions);
    const after = scopesForPresets(actions);
    // Keep scopes typed by hand; add or drop only the preset's own scopes.
    const merge = (text: string, was: string[], now: string[]) => {
      const kept = splitScopes(text).filter((scope) => !was.includes(scope) || now.includes(scope));
      return [...new Set([...kept, ...now])].join(', ');
    };
    set({
      actions,
      botScopes: merge(input.botScopes, before.botScopes, after.botScopes),
      userScopes: merge(input.userScopes, before.userScopes, after.userScopes),
    });
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    setStatus('');
    try {
      // Asked before anything is awaited: browsers grant host permissions only inside the click.
      const host = requiredHostPermission(input.baseUrl);
      if (host && !(await browser.permissions.request({ origins: [host] }))) {
        setErrors({ baseUrl: `Courier needs permission to reach ${host.replace('/*', '')}. Save again and allow it.` });
        return;
      }
      const result = await ask('profiles.save', input);
      if ('errors' in result) {
        setErrors(result.errors);
        setStatus('The profile was not saved: fix the fields marked below.');
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

  const formId = profile ? `profile-${profile.id}` : 'profile-new';
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
            profile?.hasSecret
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
        {SCOPE_PRESETS.map((preset) => (
          <label key={preset.id} class="block">
            <input
              type="checkbox"
              checked={input.actions.includes(preset.id)}
              onChange={(e) => togglePreset(preset.id, e.currentTarget.checked)}
            />{' '}
            {preset.title}
          </label>
        ))}
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
