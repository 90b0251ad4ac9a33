import type { EditStep, RowChange } from './edit-steps';

/**
 * A line's goal tag changed and nothing else: open while a version is approved. Lines are shared
 * by all versions, but a tag says why a line is there and changes no amount, formula or place.
 */
function isGoalTag(change: RowChange): boolean {
  if (change.before === null || change.after === null) return false;
  return Object.keys(change.after).every((column) => column === 'id' || column === 'goal_id');
}

/** The versions and shared structure a step changes: what the approval lock must check before it is applied. */
export function lockScopeOf(step: EditStep): { versions: Set<number>; structure: boolean } {
  const scope = { versions: new Set<number>(), structure: false };
  const visit = (part: EditStep): void => {
    switch (part.kind) {
      case 'comment':
      case 'profile':
        return;
      case 'cells':
        for (const change of part.changes) scope.versions.add(change.versionId);
        return;
      case 'rows':
        for (const change of part.changes) {
          const row = change.after ?? change.before;
          if (change.table === 'cell_values') scope.versions.add(Number(row?.version_id));
          else if (change.table === 'versions') scope.versions.add(Number(row?.id));
          else if (change.table === 'budget_lines' && !isGoalTag(change)) scope.structure = true;
        }
        return;
      case 'compound':
        part.steps.forEach(visit);
        return;
      case 'formula':
        if (part.versionId === undefined) scope.structure = true;
        else scope.versions.add(part.versionId);
        return;
      default:
        scope.structure = true;
    }
  };
  visit(step);
  return scope;
}

