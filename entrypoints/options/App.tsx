import { useEffect, useState } from 'preact/hooks';
import { ActionsSection } from '@/components/options/ActionsSection';
import { DiagnosticsSection } from '@/components/options/DiagnosticsSection';
import { HistorySection } from '@/components/options/HistorySection';
import { OutboxSection } from '@/components/options/OutboxSection';
import { ProfilesSection } from '@/components/options/ProfilesSection';
import { SiteAccessSection } from '@/components/options/SiteAccessSection';
import { SiteChannelsSection } from '@/components/options/SiteChannelsSection';
import { StatusPresetsSection } from '@/components/options/StatusPresetsSection';
import { WorkspacesSection } from '@/components/options/WorkspacesSection';
import { SetupGuide } from '@/components/options/SetupGuide';
import { useRequest } from '@/components/useRequest';
import { ask } from '@/lib/messaging/ask';
import { identityAvailable, redirectUrl } from '@/lib/platform/identity';

const SECTIONS = [
  { id: 'setup', title: 'Set up', firstRun: true },
  { id: 'profiles', title: 'Profiles' },
  { id: 'workspaces', title: 'Workspaces' },
  { id: 'actions', title: 'Actions' },
  { id: 'outbox', title: 'Outbox', linked: true },
  { id: 'site-access', title: 'Site access', linked: true },
  { id: 'site-channels', title: 'Site channels', linked: true },
  { id: 'status', title: 'Status', linked: true },
  { id: 'history', title: 'History', linked: true },
  { id: 'diagnostics', title: 'Diagnostics' },
] as { id: string; title: string; firstRun?: boolean; linked?: boolean }[];

function currentHash(): string {
  return location.hash.replace(/^#/, '');
}

/**
 * Until a workspace is linked, the guide comes first and the sections that would be empty (outbox,
 * site access, history) stay away; once shown, the guide stays for this visit so its last step
 * (the test message) follows the link.
 */
function useFirstRun() {
  const [accounts] = useRequest(() => ask('accounts.list', {}), ['accounts']);
  const [guiding, setGuiding] = useState(false);
  const none = accounts.status === 'done' && accounts.value.length === 0;
  useEffect(() => {
    if (none) setGuiding(true);
  }, [none]);
  return {
    linked: accounts.status === 'done' && accounts.value.length > 0,
    guide: guiding && accounts.status === 'done' && (
      <SetupGuide accounts={accounts.value} redirectUrl={identityAvailable() ? redirectUrl() : ''} />
    ),
  };
}

export function App() {
  const { linked, guide } = useFirstRun();
  const shown = SECTIONS.filter((section) => (section.firstRun ? guide : !section.linked || linked));
  const [active, setActive] = useState(currentHash);
  useEffect(() => {
    const onHash = () => setActive(currentHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (active) document.getElementById(active)?.scrollIntoView({ block: 'start' });
  }, [active]);

  return (
    <div class="layout">
      <nav aria-label="Options sections">
        <ul>
          {shown.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`} aria-current={active === section.id ? 'true' : undefined}>
                {section.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        <h1>Courier for Slack</h1>
        {guide}
        <ProfilesSection />
        <WorkspacesSection />
        <ActionsSection />
        {linked && (
          <>
            <OutboxSection />
            <SiteAccessSection />
            <SiteChannelsSection />
            <StatusPresetsSection />
            <HistorySection />
          </>
        )}
        <DiagnosticsSection />
      </main>
    </div>
  );
}
