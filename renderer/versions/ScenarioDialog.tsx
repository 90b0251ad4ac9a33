import { useState } from 'react';
import { pathTo, treeOrder, type TreeNode } from '../../shared/domain/dimension-tree';
import { FormDialog } from '../components/Dialog';
import type { SheetView } from '../../shared/sheet/sheet-view';
import { scenarioActions, type ScenarioScope } from '../state/version-actions';
import { parseAmount } from '../../shared/money/parse-amount';
import { showError } from '../state/notice-store';

type Mode = 'percent' | 'amount' | 'bring';

/**
 * “What if” on the shown version: move a selection of lines by a percentage, add an amount to
 * each month, or bring another version's values in; one department and one account (each with
 * those under it) and a run of months pick the cells. Each is one undo step.
 */
export function ScenarioDialog({ view, onClose }: { view: SheetView; onClose: () => void }) {
  const { model } = view;
  const [mode, setMode] = useState<Mode>('percent');
  const [scope, setScope] = useState<ScenarioScope>({ departmentId: null, accountId: null });
  const firstOpen = model.actualMonths;
  const [from, setFrom] = useState(Math.min(firstOpen, model.periods.length - 1));
  const [to, setTo] = useState(model.periods.length - 1);
  const [value, setValue] = useState('');
  const others = model.versions.filter((version) => version.id !== model.version.id);
  const [source, setSource] = useState<number | null>(others[0]?.id ?? null);
  const periods = model.periods.filter((period) => period.index >= from && period.index <= to).map((period) => period.index);
  const lines = view.rows.filter((row) => {
    const department = scope.departmentId === null || pathHas(model.departments, row.line.departmentId, scope.departmentId);
    const account = scope.accountId === null || pathHas(model.accounts, row.line.accountId, scope.accountId);
    return department && account;
  });
  const ready = periods.length > 0 && lines.length > 0 && (mode === 'bring' ? source !== null : value.trim() !== '');
  const submit = async () => {
    let done: boolean;
    if (mode === 'bring') done = source !== null && (await scenarioActions.bring(source, model.version.id, scope, periods));
    else if (mode === 'percent') done = await scenarioActions.adjust(model.version.id, scope, periods, { kind: 'percent', percent: value });
    else {
      // Read as the sheet reads an entry (1,250.50, 5k, (300)); what it refuses is said, not guessed.
      const amount = parseAmount(value, model.workbook.currency);
      if (!amount.ok || amount.roundedFrom !== undefined) {
        showError(new Error(amount.ok ? `${value.trim()} has more than two decimals: an amount added to a month is to the cent, so nothing is rounded away. Round it first.` : amount.message), 'Adjust');
        return;
      }
      done = await scenarioActions.adjust(model.version.id, scope, periods, { kind: 'amount', amount: amount.amount });
    }
    if (done) onClose();
  };
  const label = (index: number) => model.periods[index]?.label ?? '';
  return (
    <FormDialog title={`Adjust “${model.version.name}”`} testId="scenario-dialog" submitLabel={mode === 'bring' ? 'Bring values in' : 'Adjust'} ready={ready} onSubmit={() => void submit()} onClose={onClose}>
      <fieldset className="mode-choice">
        <legend>Change</legend>
        {(
          [
            ['percent', 'By a percentage'],
            ['amount', 'By an amount a month'],
            ['bring', 'Bring values from another version'],
          ] as const
        ).map(([choice, text]) => (
          <label key={choice} className="checkbox">
            <input type="radio" name="scenario-mode" checked={mode === choice} onChange={() => setMode(choice)} />
            {text}
          </label>
        ))}
      </fieldset>
      <div className="inline-fields">
        <label>
          Department
          <select aria-label="Department" value={scope.departmentId ?? ''} onChange={(event) => setScope({ ...scope, departmentId: event.target.value === '' ? null : Number(event.target.value) })}>
            <option value="">All departments</option>
            {treeOrder(model.departments).map(({ node, depth }) => (
              <option key={node.id} value={node.id}>
                {'\u2003'.repeat(depth)}
                {node.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Account
          <select aria-label="Account" value={scope.accountId ?? ''} onChange={(event) => setScope({ ...scope, accountId: event.target.value === '' ? null : Number(event.target.value) })}>
            <option value="">All accounts</option>
            {treeOrder(model.accounts).map(({ node, depth }) => (
              <option key={node.id} value={node.id}>
                {'\u2003'.repeat(depth)}
                {node.code} {node.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="inline-fields">
        <label>
          From
          <select aria-label="From month" value={from} onChange={(event) => setFrom(Number(event.target.value))}>
            {model.periods.map((period) => (
              <option key={period.index} value={period.index} disabled={period.index < firstOpen}>
                {period.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          To
          <select aria-label="To month" value={to} onChange={(event) => setTo(Number(event.target.value))}>
            {model.periods.map((period) => (
              <option key={period.index} value={period.index} disabled={period.index < from}>
                {period.label}
              </option>
            ))}
          </select>
        </label>
        {mode === 'bring' ? (
          <label>
            From version
            <select aria-label="Bring values from" value={source ?? ''} onChange={(event) => setSource(Number(event.target.value))}>
              {others.map((version) => (
                <option key={version.id} value={version.id}>
                  {version.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label>
            {mode === 'percent' ? 'Percentage (−10 cuts by a tenth)' : 'Amount added to each month'}
            <input aria-label={mode === 'percent' ? 'Percentage' : 'Amount'} value={value} onChange={(event) => setValue(event.target.value)} placeholder={mode === 'percent' ? '-10' : '5,000'} />
          </label>
        )}
      </div>
      <p className="hint" role="status">
        {lines.length === 0
          ? 'No line sits on that department and account: choose another.'
          : `${lines.length} line${lines.length === 1 ? '' : 's'}, ${label(from)} to ${label(to)}. ${mode === 'percent' ? 'Each result is rounded half-even to the cent; ' : mode === 'amount' ? 'Amounts are to the cent; ' : ''}formula lines compute and are left as they are.`}
      </p>
    </FormDialog>
  );
}

function pathHas(nodes: readonly TreeNode[], id: number, ancestor: number): boolean {
  return pathTo(id, new Map(nodes.map((node) => [node.id, node]))).some((node) => node.id === ancestor);
}
