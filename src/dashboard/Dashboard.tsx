import { useEffect, useState } from 'preact/hooks';
import { BreakBanner } from '../ui/BreakBanner';
import { freeSpace } from '../ui/client';
import { t } from '../ui/i18n';
import { StorageFullNotice } from '../ui/StorageFullNotice';
import { storageFullReported } from '../ui/storage-full';
import { useReply } from '../ui/useReply';
import { SetupPanel } from './SetupPanel';
import { sections } from './sections';

function sectionFromHash(): string {
  const id = location.hash.slice(1);
  return sections.some((section) => section.id === id) ? id : (sections[0]?.id ?? '');
}

/** The section named by the URL fragment, so links, Back and reloads land on the same section. */
function useCurrentSection(): string {
  const [current, setCurrent] = useState(sectionFromHash);
  useEffect(() => {
    const onHashChange = () => setCurrent(sectionFromHash());
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);
  return current;
}

/** The storage-full notice, when the database refuses writes (comments, or a change made in a page). */
function StorageHealth() {
  const { reply, reload } = useReply({ type: 'ui→bg:summary' });
  const free = () => freeSpace().then(reload, reload);
  return reply?.storageFull || storageFullReported.value ? <StorageFullNotice onFree={free} /> : null;
}

/** One heading per section: the sections themselves start at h3, so no name is given twice. */
export function Dashboard() {
  const current = useCurrentSection();
  const section = sections.find((s) => s.id === current);
  return (
    <>
      <header class="no-print">
        <h1>{t('dashboardTitle')}</h1>
        <nav aria-label={t('dashNavLabel')}>
          <ul class="plain sections-nav">
            {sections.map(({ id, titleKey }) => (
              <li key={id}>
                <a href={`#${id}`} aria-current={id === current ? 'page' : undefined}>
                  {t(titleKey)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        <StorageHealth />
        <SetupPanel />
        <BreakBanner />
        {section && (
          <section key={section.id} aria-labelledby="section-heading" data-section={section.id}>
            <h2 id="section-heading">{t(section.titleKey)}</h2>
            <section.Component />
          </section>
        )}
      </main>
    </>
  );
}
