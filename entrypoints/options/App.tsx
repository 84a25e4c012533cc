import { useEffect, useState } from 'preact/hooks';
import { ActionsSection } from '@/components/options/ActionsSection';
import { DiagnosticsSection } from '@/components/options/DiagnosticsSection';
import { HistorySection } from '@/components/options/HistorySection';
import { OutboxSection } from '@/components/options/OutboxSection';
import { ProfilesSection } from '@/components/options/ProfilesSection';
import { SiteAccessSection } from '@/components/options/SiteAccessSection';
import { WorkspacesSection } from '@/components/options/WorkspacesSection';

const SECTIONS = [
  { id: 'profiles', title: 'Profiles' },
  { id: 'workspaces', title: 'Workspaces' },
  { id: 'actions', title: 'Actions' },
  { id: 'outbox', title: 'Outbox' },
  { id: 'site-access', title: 'Site access' },
  { id: 'history', title: 'History' },
  { id: 'diagnostics', title: 'Diagnostics' },
] as const;

function currentHash(): string {
  return location.hash.replace(/^#/, '') || 'profiles';
}

export function App() {
  const [active, setActive] = useState(currentHash);
  useEffect(() => {
    const onHash = () => setActive(currentHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.getElementById(active)?.scrollIntoView({ block: 'start' });
  }, [active]);

  return (
    <div class="layout">
      <nav aria-label="Options sections">
        <ul>
          {SECTIONS.map((section) => (
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
        <ProfilesSection />
        <WorkspacesSection />
        <ActionsSection />
        <OutboxSection />
        <SiteAccessSection />
        <HistorySection />
        <DiagnosticsSection />
      </main>
    </div>
  );
}
