import type { PackageConflict } from '../../shared/api/package-api';
import { isCanonicalQuantity } from '../../shared/money/amount';
import { formatAmount } from '../../shared/money/format-amount';

/** The side the user chose for each conflict, by its key; a conflict with no entry is not chosen yet. */
export type ConflictChoices = Readonly<Record<string, 'package' | 'workbook'>>;

const shown = (value: string | null) => (value === null ? '—' : isCanonicalQuantity(value) ? formatAmount(value, { negatives: 'parentheses', zero: 'dash', scale: 2 }) : value);

/** How many conflicts still wait for the user's choice. */
export function unchosenCount(conflicts: readonly PackageConflict[], choices: ConflictChoices): number {
  return conflicts.filter((conflict) => !Object.hasOwn(choices, conflict.key)).length;
}

/** What the dialog says about the conflicts: how many are left to choose, or that all are chosen. */
export function conflictsLeftText(conflicts: readonly PackageConflict[], choices: ConflictChoices): string {
  const left = unchosenCount(conflicts, choices);
  if (left === 0) return conflicts.length === 1 ? 'The conflict has its side: the package can merge.' : `All ${conflicts.length} conflicts have their side: the package can merge.`;
  return `${left} of ${conflicts.length} conflict${conflicts.length === 1 ? '' : 's'} left to choose: pick the package’s or the workbook’s value for each (or one side for all) before merging.`;
}

/**
 * Each conflict side by side (when cut, in the package, in the workbook). No side is chosen for
 * the user: a row waits, marked, until one of its values is picked, or one side is taken for all.
 */
export function PackageConflicts({ conflicts, choices, onChoose }: { conflicts: readonly PackageConflict[]; choices: ConflictChoices; onChoose: (next: ConflictChoices) => void }) {
  const all = (side: 'package' | 'workbook') => Object.fromEntries(conflicts.map((conflict) => [conflict.key, side]));
  const left = unchosenCount(conflicts, choices);
  return (
    <>
      <p className={left > 0 ? 'conflicts-left field-error' : 'conflicts-left hint'} role="status" data-testid="package-conflicts-left">
        {conflictsLeftText(conflicts, choices)}
      </p>
      <div className="conflict-actions">
        <button type="button" onClick={() => onChoose(all('package'))}>
          Take all from the package
        </button>
        <button type="button" onClick={() => onChoose(all('workbook'))}>
          Keep all of the workbook
        </button>
      </div>
      <table className="audit-table conflict-table" data-testid="package-conflicts">
        <thead>
          <tr>
            <th>Line</th>
            <th>Month</th>
            <th className="numeric">When cut</th>
            <th className="numeric">In the package</th>
            <th className="numeric">In the workbook</th>
          </tr>
        </thead>
        <tbody>
          {conflicts.map((conflict) => {
            const choice = choices[conflict.key];
            return (
              <tr key={conflict.key} className={choice === undefined ? 'conflict-unchosen' : undefined}>
                <td>
                  {conflict.line}
                  {choice === undefined && <span className="conflict-mark"> · choose a side</span>}
                </td>
                <td>{conflict.period}</td>
                <td className="numeric">{shown(conflict.base)}</td>
                {(['package', 'workbook'] as const).map((side) => (
                  <td key={side} className={`numeric choice-cell${choice === side ? ' chosen' : ''}`}>
                    <label>
                      <input
                        type="radio"
                        name={conflict.key}
                        checked={choice === side}
                        onChange={() => onChoose({ ...choices, [conflict.key]: side })}
                        aria-label={side === 'package' ? `Take the package's ${shown(conflict.package)} for ${conflict.line}, ${conflict.period}` : `Keep the workbook's ${shown(conflict.workbook)} for ${conflict.line}, ${conflict.period}`}
                      />
                      {shown(side === 'package' ? conflict.package : conflict.workbook)}
                    </label>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
