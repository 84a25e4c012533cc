import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import { ask } from '@/lib/messaging/ask';
import type { MessageType } from '@/lib/protocol';
import { invalidFields, ProfileForm } from './ProfileForm';

vi.mock('@/lib/messaging/ask', () => ({ ask: vi.fn() }));
// slack.com needs no extra host: nothing is asked of the browser.
vi.mock('./base-url-host', () => ({ requestBaseUrlHost: () => Promise.resolve(null) }));
const askMock = vi.mocked(ask) as unknown as Mock<(type: MessageType) => Promise<unknown>>;

afterEach(cleanup);

describe('ProfileForm', () => {
  it('names the fields that stopped the save and moves focus to the first of them', async () => {
    askMock.mockResolvedValue({
      errors: { clientSecret: 'Enter the client secret.', clientId: 'A client ID looks like 123.456.' },
    });
    render(<ProfileForm actions={[]} onDone={() => undefined} />);
    const name = screen.getByLabelText('Profile name');
    name.focus();
    fireEvent.submit(name.closest('form') as HTMLFormElement);

    await screen.findByText('The profile was not saved: check Client ID and Client secret.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Client ID')));
    expect(screen.getByLabelText('Client ID').getAttribute('aria-invalid')).toBe('true');
  });

  it('lists fields in the order the form shows them, a scopes error as Bot scopes', () => {
    const labels = invalidFields({ userScopes: 'x', scopes: 'y', name: 'z' }).map((field) => field.label);
    expect(labels).toEqual(['Profile name', 'Bot scopes', 'User scopes']);
  });
});
