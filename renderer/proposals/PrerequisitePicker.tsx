import { useId } from 'react';
import type { Proposal } from '../../shared/domain/proposal';
import { MAX_PREREQUISITES } from '../../shared/domain/proposal-prerequisites';
import './prerequisites.css';

/** The proposals that need `proposalId`, directly or through others: picking one of them would close a cycle. */
function dependentsOf(proposalId: number, proposals: readonly Proposal[]): Set<number> {
  const needers = new Map<number, number[]>();
  for (const proposal of proposals) for (const needed of proposal.prerequisites) needers.set(needed, [...(needers.get(needed) ?? []), proposal.id]);
  const found = new Set<number>();
  const queue = [proposalId];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    for (const needer of needers.get(id) ?? []) {
      if (!found.has(needer)) {
        found.add(needer);
        queue.push(needer);
      }
    }
  }
  return found;
}

/**
 * A proposal's prerequisites as chips, each with its remove button, and a drop-down to add one:
 * it offers only proposals that can be added (not itself, not one already there, not one that
 * needs this proposal, which would close a cycle). Tab and Enter or Space work throughout.
 */
export function PrerequisitePicker({ proposal, proposals, onChange }: { proposal: Proposal; proposals: readonly Proposal[]; onChange: (prerequisites: number[]) => void }) {
  const labelId = useId();
  const titleOf = new Map(proposals.map((candidate) => [candidate.id, candidate.title]));
  const dependents = dependentsOf(proposal.id, proposals);
  const chosen = new Set(proposal.prerequisites);
  const addable = proposals.filter((candidate) => candidate.id !== proposal.id && !chosen.has(candidate.id) && !dependents.has(candidate.id));
  const full = proposal.prerequisites.length >= MAX_PREREQUISITES;
  return (
    <div className="prerequisites" role="group" aria-labelledby={labelId} data-testid="prerequisites">
      <span id={labelId} className="prerequisites-label">
        Prerequisites (all must be funded with it)
      </span>
      {proposal.prerequisites.length === 0 ? (
        <span className="prerequisites-none">None</span>
      ) : (
        <ul className="prerequisite-chips" aria-label="Prerequisites">
          {proposal.prerequisites.map((id) => {
            const title = titleOf.get(id) ?? `#${id}`;
            return (
              <li key={id} className="prerequisite-chip" title={title}>
                <span className="prerequisite-chip-title">{title}</span>
                <button
                  type="button"
                  className="prerequisite-chip-remove"
                  aria-label={`Remove prerequisite ${title}`}
                  title={`Remove “${title}” from what this proposal needs`}
                  onClick={() => onChange(proposal.prerequisites.filter((other) => other !== id))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <select
        aria-label="Add a prerequisite"
        className="prerequisite-add"
        value=""
        disabled={full || addable.length === 0}
        onChange={(event) => {
          const id = Number(event.target.value);
          if (id > 0) onChange([...proposal.prerequisites, id]);
        }}
      >
        <option value="">{full ? `At most ${MAX_PREREQUISITES} prerequisites` : '+ Add a prerequisite…'}</option>
        {addable.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.title}
          </option>
        ))}
      </select>
    </div>
  );
}
