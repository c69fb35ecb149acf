/** What keeps a record from being finished: each problem a link to the field that solves it. */
export interface FieldProblem {
  key: string;
  /** The problem, said in the user's language (the link's text). */
  text: string;
  /** The id of the field (or of the section holding it); none: said, not linked. */
  target?: string;
}

/** Brings a field into view and puts the cursor in it (the first field, for a section). */
export function focusField(id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  const field = target.matches('input, select, textarea')
    ? target
    : (target.querySelector<HTMLElement>(
        'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled])',
      ) ?? target);
  // A field folded away (in a closed <details>) is opened first.
  const folded = field.closest('details');
  if (folded && !folded.open) folded.open = true;
  field.scrollIntoView({ block: 'center' });
  if (!field.matches('input, select, textarea, a, button, [tabindex]')) {
    field.setAttribute('tabindex', '-1');
  }
  field.focus({ preventScroll: true });
}

export function ProblemLinks({ problems }: { problems: readonly FieldProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div role="alert">
      <ul className="problem-links">
        {problems.map((problem) => (
          <li key={problem.key}>
            {problem.target ? (
              <a
                href={`#${problem.target}`}
                className="problem-links__link"
                onClick={(event) => {
                  event.preventDefault();
                  if (problem.target) focusField(problem.target);
                }}
              >
                {problem.text}
              </a>
            ) : (
              <span className="form__error">{problem.text}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
