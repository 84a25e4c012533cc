import { useState } from 'preact/hooks';
import { ChannelPicker } from '@/components/ChannelPicker';
import { sendTargets } from '@/components/popup/send-targets';
import { useDirectory } from '@/components/popup/useDirectory';
import { targetFor } from '@/lib/directory/filter';
import type { SendTarget } from '@/lib/protocol';

interface Props {
  /** The key of the target it starts on; kept only while the directory still lists it. */
  selected: string;
  onChange: (target: SendTarget | null) => void;
  label?: string;
  placeholder?: string;
}

/**
 * The picker over the cached directory, limited to one target (an outbox item's new destination,
 * the guide's test message). An archived or deleted channel drops out of the directory, so a
 * starting key it no longer lists starts the picker empty.
 */
export function TargetPicker({ selected, onChange, label, placeholder = 'Search channels and people' }: Props) {
  const directory = useDirectory();
  const [keys, setKeys] = useState<string[] | undefined>();
  if (directory.status !== 'ready') {
    return (
      <p class="muted" role="status">
        {directory.status === 'failed'
          ? `Channels could not be read: ${directory.message}`
          : 'Loading channels and people…'}
      </p>
    );
  }
  const { index } = directory;
  return (
    <ChannelPicker
      index={index}
      selected={keys ?? (targetFor(index, selected) ? [selected] : [])}
      onChange={(next) => {
        const chosen = next.slice(-1);
        setKeys(chosen);
        onChange(sendTargets(index, chosen)[0] ?? null);
      }}
      label={label}
      placeholder={placeholder}
      listHeight={160}
    />
  );
}
