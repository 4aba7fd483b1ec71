// The app shell: a left navigation of the pages that exist, and the page chosen. The Flows page,
// the first one shown, comes with the shell; each other page is fetched the first time it opens,
// so the first load carries only what the first screen needs.
import { lazy, Suspense, type ReactNode } from 'react'
import { ErrorNotice } from './components/ErrorNotice'
import { FlowsPage } from './features/flows/FlowsPage'
import { useAppInfo } from './state/use-app-info'
import { navigate, useNavigation } from './state/navigation'
import { useSettings } from './state/use-settings'

type Page = { id: string; label: string; render: () => ReactNode }

const HistoryPage = lazy(() =>
  import('./features/history/HistoryPage').then((m) => ({ default: m.HistoryPage })),
)
const ProfilesPage = lazy(() =>
  import('./features/profiles/ProfilesPage').then((m) => ({ default: m.ProfilesPage })),
)
const SandboxPage = lazy(() =>
  import('./features/sandbox/SandboxPage').then((m) => ({ default: m.SandboxPage })),
)
const SettingsPage = lazy(() =>
  import('./features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
)
const TimelinePage = lazy(() =>
  import('./features/timeline/TimelinePage').then((m) => ({ default: m.TimelinePage })),
)
const TokensPage = lazy(() =>
  import('./features/tokens/TokensPage').then((m) => ({ default: m.TokensPage })),
)

const PAGES: Page[] = [
  { id: 'flows', label: 'Flows', render: () => <FlowsPage /> },
  { id: 'profiles', label: 'Profiles', render: () => <ProfilesPage /> },
  { id: 'history', label: 'History', render: () => <HistoryPage /> },
  { id: 'timeline', label: 'Timeline', render: () => <TimelinePage /> },
  { id: 'tokens', label: 'Tokens', render: () => <TokensPage /> },
  { id: 'sandbox', label: 'Sandbox', render: () => <SandboxPage /> },
  { id: 'settings', label: 'Settings', render: () => <SettingsPage /> },
]

export function App() {
  const appInfo = useAppInfo()
  const { trainerMode } = useSettings()
  const { pageId } = useNavigation()
  const page = PAGES.find((candidate) => candidate.id === pageId) ?? PAGES[0]

  return (
    <div className={trainerMode ? 'shell trainer' : 'shell'} data-app-state={appInfo.status}>
      <nav className="sidebar" aria-label="Pages">
        <p className="brand">Auth Flow Explorer</p>
        <ul>
          {PAGES.map((candidate) => (
            <li key={candidate.id}>
              <button
                type="button"
                aria-current={candidate.id === page?.id ? 'page' : undefined}
                onClick={() => navigate(candidate.id)}
              >
                {candidate.label}
              </button>
            </li>
          ))}
        </ul>
        {appInfo.status === 'ready' && (
          <p className="app-meta">
            v{appInfo.info.version} ·{' '}
            {appInfo.info.face === 'electron' ? 'desktop' : 'browser mode'}
          </p>
        )}
      </nav>
      <main className="content">
        {appInfo.status === 'failed' && <ErrorNotice error={appInfo.error} />}
        <Suspense fallback={<p role="status">Opening {page?.label}…</p>}>{page?.render()}</Suspense>
      </main>
    </div>
  )
}
