import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_PRESETS } from '@/lib/status/presets';
import { statusPresets } from '@/lib/store/status-presets';
import { StatusPresetsSection } from './StatusPresetsSection';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const preset = (n: number) => screen.getByRole('group', { name: `Preset ${n}` });

describe('StatusPresetsSection', () => {
  it('shows the default presets, edits one and saves them as the setting', async () => {
    render(<StatusPresetsSection />);
    await waitFor(() => expect(screen.getAllByRole('group')).toHaveLength(4));
    const lunch = within(preset(3));
    expect(lunch.getByLabelText<HTMLInputElement>('Text').value).toBe('Lunch');
    fireEvent.input(lunch.getByLabelText('Text'), { target: { value: 'Long lunch' } });
    fireEvent.input(lunch.getByLabelText('Minutes'), { target: { value: '90' } });
    const focusing = within(preset(2));
    expect(focusing.getByLabelText<HTMLInputElement>('Time').value).toBe('17:00');
    fireEvent.change(within(preset(4)).getByLabelText('Clears'), { target: { value: 'never' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save presets' }));
    await screen.findByText('Saved 4 presets.');
    const saved = await statusPresets.getValue();
    expect(saved[2]).toEqual({
      emoji: ':knife_fork_plate:',
      text: 'Long lunch',
      until: { kind: 'minutes', minutes: 90 },
    });
    expect(saved[3]?.until).toEqual({ kind: 'never' });
  });

  it('says what is wrong instead of saving, adds and removes presets, and resets to the defaults', async () => {
    render(<StatusPresetsSection />);
    await waitFor(() => expect(screen.getAllByRole('group')).toHaveLength(4));
    fireEvent.click(screen.getByRole('button', { name: 'Add preset' }));
    const added = within(preset(5));
    fireEvent.input(added.getByLabelText('Emoji'), { target: { value: 'coffee' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save presets' }));
    expect(await added.findByText(/short name between colons/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/need a fix/);
    expect(await statusPresets.getValue()).toEqual(DEFAULT_PRESETS);

    fireEvent.click(screen.getByRole('button', { name: 'Remove preset 1' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove preset 4' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save presets' }));
    await screen.findByText('Saved 3 presets.');
    expect((await statusPresets.getValue()).map((p) => p.text)).toEqual(['Focusing', 'Lunch', 'Out sick']);

    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    await screen.findByText('Presets reset to the defaults.');
    expect(await statusPresets.getValue()).toEqual(DEFAULT_PRESETS);
    expect(screen.getAllByRole('group')).toHaveLength(4);
  });
});
