import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import { ask } from '@/lib/messaging/ask';
import type { Diagnostics, MessageType } from '@/lib/protocol';
import { DiagnosticsSection } from './DiagnosticsSection';

vi.mock('@/lib/messaging/ask', () => ({ ask: vi.fn() }));
const askMock = vi.mocked(ask) as unknown as Mock<(type: MessageType) => Promise<unknown>>;

afterEach(cleanup);

const diagnostics: Diagnostics = {
  version: '1.0.0',
  browser: 'chrome',
  manifestVersion: 3,
  extensionId: 'abc',
  redirectUrl: 'https://abc.chromiumapp.org/',
  databaseVersion: 6,
  workerStartedAt: Date.now(),
  lastStartError: { message: 'Your browser refused to store more data: free some disk space.', at: Date.now() },
};

describe('Diagnostics', () => {
  it('shows why the background last failed to start, and that its data could not be counted', async () => {
    askMock.mockImplementation((type) => Promise.resolve(type === 'ping' ? { startedAt: 1 } : diagnostics));
    render(<DiagnosticsSection />);
    const failure = await screen.findByTestId('last-start-error');
    expect(failure.textContent).toContain('Your browser refused to store more data: free some disk space.');
    expect(screen.getByText('Last failed start')).toBeTruthy();
    expect(screen.getAllByText('unknown')).toHaveLength(2);
  });

  it('says nothing of a failed start when there was none', async () => {
    const { lastStartError: _none, ...fine } = diagnostics;
    askMock.mockImplementation((type) =>
      Promise.resolve(type === 'ping' ? { startedAt: 1 } : { ...fine, accounts: 1, profiles: 2 }),
    );
    render(<DiagnosticsSection />);
    await screen.findByTestId('background-status');
    expect(screen.queryByTestId('last-start-error')).toBeNull();
  });
});
