import { useState } from 'preact/hooks';
import { slackAppManifest, toYaml, type ManifestSource } from '@/lib/auth/app-manifest';
import { CopyButton } from '../CopyButton';

/**
 * The Slack app manifest for a profile, to paste into Slack's "Create app from a manifest": the
 * fallback for the "Create Slack app" link.
 */
export function AppManifest({ source }: { source: ManifestSource }) {
  const [format, setFormat] = useState<'json' | 'yaml'>('json');
  const manifest = slackAppManifest(source);
  const text = format === 'json' ? JSON.stringify(manifest, null, 2) : `${toYaml(manifest)}\n`;
  return (
    <details class="manifest">
      <summary>Slack app manifest</summary>
      <p class="muted">
        If the link does not open Slack&apos;s page filled in: in Slack&apos;s app settings choose Create New App → From
        a manifest, and paste this. It registers the redirect URL and scopes and turns on token rotation.
      </p>
      <div class="row" role="group" aria-label="Manifest format">
        <button type="button" aria-pressed={format === 'json'} onClick={() => setFormat('json')}>
          JSON
        </button>
        <button type="button" aria-pressed={format === 'yaml'} onClick={() => setFormat('yaml')}>
          YAML
        </button>
        <CopyButton text={text} label={`Copy manifest as ${format.toUpperCase()}`} />
      </div>
      <textarea
        class="manifest-text"
        readOnly
        rows={16}
        spellcheck={false}
        aria-label={`Slack app manifest (${format.toUpperCase()})`}
        value={text}
      />
    </details>
  );
}
