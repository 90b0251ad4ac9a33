import { useState } from 'react';
import { toAmountText } from '../../shared/money/amount';
import type { LineRow, SheetView } from '../state/sheet-view';
import type { SpreadMethod } from '../state/spread-plan';
import { Dialog } from './Dialog';

type Choice = 'even' | 'own' | 'other';

/** Spread a full-year amount over a line's months: evenly, in its own shape, or in another line's. */
export function SpreadDialog({ view, row, onSpread, onClose }: { view: SheetView; row: LineRow; onSpread: (total: string, method: SpreadMethod) => void; onClose: () => void }) {
  const [total, setTotal] = useState(toAmountText(row.year));
  const [choice, setChoice] = useState<Choice>(row.year.isZero() ? 'even' : 'own');
  const others = view.rows.filter((candidate) => candidate.line.id !== row.line.id);
  const [otherId, setOtherId] = useState(others[0]?.line.id ?? 0);
  const method = (): SpreadMethod => (choice === 'even' ? { kind: 'even' } : { kind: 'shape', lineId: choice === 'own' ? row.line.id : otherId });
  const first = view.model.periods[0]?.label ?? '';
  const last = view.model.periods[view.model.periods.length - 1]?.label ?? '';
  return (
    <Dialog
      title={`Spread over ${first} – ${last}`}
      testId="spread-dialog"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" form="spread-form" className="primary" disabled={total.trim() === ''}>Spread</button>
        </>
      }
    >
      <form
        id="spread-form"
        onSubmit={(event) => {
          event.preventDefault();
          onSpread(total, method());
        }}
      >
        <p className="hint">
          <strong>{row.line.description}</strong> ({row.department}, {row.account.code} {row.account.name}). The months always add up to the total, to the cent.
        </p>
        <label>
          Full-year amount
          <input value={total} onChange={(event) => setTotal(event.target.value)} className="amount-input" />
        </label>
        <fieldset className="choices">
          <legend>Spread</legend>
          <label className="choice">
            <input type="radio" name="spread" checked={choice === 'even'} onChange={() => setChoice('even')} /> Evenly over the months
          </label>
          <label className="choice">
            <input type="radio" name="spread" checked={choice === 'own'} onChange={() => setChoice('own')} disabled={row.year.isZero()} /> In this line&rsquo;s current shape (keeps its seasonality)
          </label>
          <label className="choice">
            <input type="radio" name="spread" checked={choice === 'other'} onChange={() => setChoice('other')} disabled={others.length === 0} /> In the shape of another line
          </label>
          {choice === 'other' && (
            <select aria-label="Line whose shape to follow" value={otherId} onChange={(event) => setOtherId(Number(event.target.value))}>
              {others.map((candidate) => (
                <option key={candidate.line.id} value={candidate.line.id}>
                  {candidate.department} · {candidate.line.description}
                </option>
              ))}
            </select>
          )}
        </fieldset>
      </form>
    </Dialog>
  );
}
