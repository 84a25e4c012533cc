import { useState } from 'preact/hooks';
import { ask } from '@/lib/messaging/ask';
import { identityAvailable, redirectUrl as identityRedirectUrl } from '@/lib/platform/identity';
import { useRequest } from '../useRequest';
import { ProfileCard } from './ProfileCard';
import { ProfileForm } from './ProfileForm';
import { RedirectUrl } from './RedirectUrl';

export function ProfilesSection() {
  // Empty where the browser has no identity API; RedirectUrl then says what to do instead.
  const redirectUrl = identityAvailable() ? identityRedirectUrl() : '';
  const [profiles] = useRequest(() => ask('profiles.list', {}), ['profiles']);
  const [catalog] = useRequest(() => ask('actions.list', {}));
  const actions = catalog.status === 'done' ? catalog.value : [];
  // 'new', a profile id being edited, or nothing.
  const [editing, setEditing] = useState<string | null>(null);
  const [unrevoked, setUnrevoked] = useState('');

  return (
    <section id="profiles" aria-labelledby="profiles-title">
      <h2 id="profiles-title">Profiles</h2>
      <p>
        A connector profile holds your Slack app&apos;s client ID, client secret (or PKCE), scopes and the actions it
        enables.
      </p>
      <RedirectUrl />
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
              onRemoved={setUnrevoked}
            />
          ),
        )}
      {unrevoked && (
        <p class="error" role="alert" data-testid="profiles-status">
          {unrevoked}
        </p>
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
