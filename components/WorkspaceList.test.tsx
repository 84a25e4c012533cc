import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { WorkspaceList } from './WorkspaceList';

describe('WorkspaceList', () => {
  it('shows each workspace with its status as text and the reason to reconnect', () => {
    render(
      <WorkspaceList
        label="Linked workspaces"
        accounts={[
          {
            id: 'a',
            profileId: 'p',
            teamId: 'T1',
            teamName: 'Acme',
            botScopes: [],
            userScopes: [],
            status: 'connected',
          },
          {
            id: 'b',
            profileId: 'p',
            teamId: 'T2',
            teamName: 'Globex',
            botScopes: [],
            userScopes: [],
            status: 'needs_reconnect',
            reason: 'The token was revoked.',
          },
        ]}
      />,
    );
    const items = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual(['Acme Connected', 'Globex Needs reconnect: The token was revoked.']);
    expect(screen.getByRole('list', { name: 'Linked workspaces' })).toBeTruthy();
  });
});
