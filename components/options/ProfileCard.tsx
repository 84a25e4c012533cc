import { dropMirror } from '@/lib/directory/mirror';
import { useState } from 'preact/hooks';
import { ask } from '@/lib/messaging/ask';
import type { ProfileView } from '@/lib/protocol';
import { AppManifest } from './AppManifest';
import { CreateAppLink } from './CreateAppLink';
import { NextStep } from './NextStep';

interface Props {
  profile: ProfileView;
  redirectUrl: string;
  onEdit: () => void;
  /** The card goes with its profile: what is left to say about the removal is said by the list. */
  onRemoved: (unrevoked: string) => void;
}

type Progress =
  | { state: 'idle' }
  | { state: 'busy'; text: string }
  | { state: 'done'; text: string }
  | { state: 'failed'; text: string };

export function ProfileCard({ profile, redirectUrl, onEdit, onRemoved }: Props) {
  const [progress, setProgress] = useState<Progress>({ state: 'idle' });

  const connect = async () => {
    setProgress({ state: 'busy', text: 'Waiting for you to allow Courier in the Slack window…' });
    try {
      const account = await ask('workspaces.connect', { profileId: profile.id });
      setProgress({ state: 'done', text: `Linked ${account.teamName}.` });
    } catch (error) {
      setProgress({ state: 'failed', text: error instanceof Error ? error.message : String(error) });
    }
  };

  const remove = async () => {
    if (!confirm(`Delete the profile "${profile.name}"? Its linked workspaces are disconnected too.`)) return;
    try {
      const { unrevoked } = await ask('profiles.remove', { id: profile.id });
      dropMirror();
      if (unrevoked) onRemoved(unrevoked);
    } catch (error) {
      setProgress({ state: 'failed', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <article class="card" aria-labelledby={`profile-${profile.id}-name`}>
      <h3 id={`profile-${profile.id}-name`}>{profile.name}</h3>
      <dl class="facts">
        <dt>Slack base URL</dt>
        <dd>{profile.baseUrl}</dd>
        <dt>Client</dt>
        <dd>
          {profile.clientType === 'public' ? 'Public (PKCE)' : 'Confidential'}, client ID {profile.clientId}
        </dd>
        <dt>Bot scopes</dt>
        <dd>{profile.botScopes.join(', ') || 'none'}</dd>
        <dt>User scopes</dt>
        <dd>{profile.userScopes.join(', ') || 'none'}</dd>
      </dl>
      <div class="row">
        <button type="button" class="primary" onClick={() => void connect()} disabled={progress.state === 'busy'}>
          Connect workspace
        </button>
        <button type="button" onClick={onEdit} aria-label={`Edit ${profile.name}`}>
          Edit
        </button>
        <button type="button" onClick={() => void remove()} aria-label={`Delete ${profile.name}`}>
          Delete
        </button>
      </div>
      <p
        role={progress.state === 'failed' ? 'alert' : 'status'}
        class={progress.state === 'failed' ? 'error' : progress.state === 'done' ? 'status-connected' : 'muted'}
        data-testid="connect-status"
      >
        {progress.state === 'idle' ? '' : progress.text}
      </p>
      {progress.state === 'done' && <NextStep />}
      <CreateAppLink
        source={{ ...profile, redirectUrl }}
        baseUrl={profile.baseUrl}
        pkce={profile.clientType === 'public'}
        primary={false}
      />
      <AppManifest source={{ ...profile, redirectUrl }} />
    </article>
  );
}
