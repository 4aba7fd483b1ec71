import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// The app-wide styles load before App's pages import theirs, so a page's stylesheet can refine a
// shared rule (a tighter .card, a search box's own width) at the same specificity.
import './styles.css'
import { App } from './App'
import { watchRuns } from './state/run-store'

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')
watchRuns()
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
