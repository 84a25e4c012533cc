import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '@/lib/messaging';
import { CopyButton } from '../CopyButton';
import { useRequest } from '../useRequest';
import { ProfileCard } from './ProfileCard';
import { ProfileForm } from './ProfileForm';

export function ProfilesSection() {
  const redirectUrl = browser.identity.getRedirectURL();
  const [profiles] = useRequest(() => ask('profiles.list', {}), ['profiles']);
  const [catalog] = useRequest(() => ask('actions.list', {}));
  const actions = catalog.status === 'done' ? catalog.value : [];
  // 'new', a profile id being edited, or nothing.
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <section id="profiles" aria-labelledby="profiles-title">
      <h2 id="profiles-title">Profiles</h2>
      <p>
        A connector profile holds your Slack app&apos;s client ID, client secret (or PKCE), scopes and the actions it
        enables. Register this redirect URL in your Slack app under OAuth &amp; Permissions → Redirect URLs:
      </p>
      <p>
        <code class="copyable" data-testid="redirect-url">
          {redirectUrl}
        </code>{' '}
        <CopyButton text={redirectUrl} label="Copy redirect URL" />
      </p>
      <div aria-live="polite">
        {profiles.status === 'loading' && <p class="muted">Loading profiles…</p>}
        {profiles.status === 'failed' && (
          <p class="error" role="alert">
            {profiles.message}
          </p>
        )}
        {profiles.status === 'done' && profiles.value.length === 0 && editing === null && (
          <p class="muted">No connector profile yet. Add one with your Slack app&apos;s credentials.</p>
        )}
      </div>
      {profiles.status === 'done' &&
        profiles.value.map((profile) =>
          editing === profile.id ? (
            <ProfileForm key={profile.id} profile={profile} actions={actions} onDone={() => setEditing(null)} />
          ) : (
            <ProfileCard
              key={profile.id}
              profile={profile}
              redirectUrl={redirectUrl}
              onEdit={() => setEditing(profile.id)}
            />
          ),
        )}
      {editing === 'new' ? (
        <ProfileForm actions={actions} onDone={() => setEditing(null)} />
      ) : (
        <button type="button" onClick={() => setEditing('new')} disabled={catalog.status !== 'done'}>
          Add profile
        </button>
      )}
    </section>
  );
}
