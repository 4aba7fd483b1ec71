// Files the workspace could not read, shown first and loudly: each was set aside, not overwritten,
// and waits to be repaired or removed by hand.
import type { StoreProblem } from '../../../shared/workspace-model'

export function StoreProblems({ problems }: { problems: StoreProblem[] }) {
  return (
    <section className="store-problems error-notice" role="alert" aria-labelledby="problems-title">
      <h2 id="problems-title" className="error-message">
        {problems.length === 1
          ? 'A workspace file could not be read'
          : `${problems.length} workspace files could not be read`}
      </h2>
      <p>
        Auth Flow Explorer set each one aside instead of overwriting it, and started without what it
        held. Repair the file and put it back, or remove it.
      </p>
      <ul>
        {problems.map((problem) => (
          <li key={problem.file}>
            <code>{problem.file}</code>: {problem.message}
            {problem.keptAs ? (
              <>
                {' '}
                Set aside as <code>{problem.keptAs}</code>.
              </>
            ) : (
              ' It could not be set aside.'
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
