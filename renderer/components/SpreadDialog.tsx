import { useState } from 'react';
import { toAmountText } from '../../shared/money/amount';
import { formatAmount } from '../../shared/money/format-amount';
import { parseAmount } from '../../shared/money/parse-amount';
import { dimensionActions } from '../state/dimension-actions';
import type { LineRow, SheetView } from '../../shared/sheet/sheet-view';
import { planSpread, type SpreadMethod } from '../state/spread-plan';
import { Dialog } from './Dialog';

type Choice = 'even' | 'own' | 'other' | 'profile' | 'last-year';

/** The line's first twelve months as profile weights, or null when they have no one-signed shape. */
function shapeOfLine(row: LineRow): string[] | null {
  const months = row.line.values.slice(0, 12).map((value) => value ?? '0');
  if (months.length < 12) return null;
  const negative = months.some((value) => value.startsWith('-'));
  const positive = months.some((value) => value !== '0' && !value.startsWith('-'));
  if (negative === positive) return null;
  return months.map((value) => value.replace(/^-/, ''));
}

/**
 * Spread a full-year amount over a line's months: evenly, in its own shape, in another line's,
 * by a seasonality profile, or like last year. Shows the months before anything is saved.
 */
export function SpreadDialog({ view, row, onSpread, onClose }: { view: SheetView; row: LineRow; onSpread: (total: string, method: SpreadMethod) => void; onClose: () => void }) {
  const [total, setTotal] = useState(toAmountText(row.year));
  const [choice, setChoice] = useState<Choice>(row.year.isZero() ? 'even' : 'own');
  const others = view.rows.filter((candidate) => candidate.line.id !== row.line.id && candidate.account.unit === 'currency');
  const [otherId, setOtherId] = useState(others[0]?.line.id ?? 0);
  const profiles = view.model.profiles;
  const [profileId, setProfileId] = useState(profiles[0]?.id ?? 0);
  const [profileName, setProfileName] = useState('');
  const shape = shapeOfLine(row);
  const method = (): SpreadMethod => {
    if (choice === 'even') return { kind: 'even' };
    if (choice === 'profile') return { kind: 'profile', profileId };
    if (choice === 'last-year') return { kind: 'last-year' };
    return { kind: 'shape', lineId: choice === 'own' ? row.line.id : otherId };
  };
  const parsed = parseAmount(total, view.model.workbook.currency);
  const preview = parsed.ok ? planSpread(view, row.line, parsed.amount, method()) : parsed;
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
            <input type="radio" name="spread" checked={choice === 'last-year'} onChange={() => setChoice('last-year')} /> Like last year
            {view.model.priorYear === null ? ' (no last-year figures in this workbook)' : ` (${view.model.priorYear.versionName})`}
          </label>
          <label className="choice">
            <input type="radio" name="spread" checked={choice === 'profile'} onChange={() => setChoice('profile')} disabled={profiles.length === 0} /> By a seasonality profile
          </label>
          {choice === 'profile' && (
            <div className="choice-detail">
              <select aria-label="Seasonality profile" value={profileId} onChange={(event) => setProfileId(Number(event.target.value))}>
                {profiles.map((profile) => (
                  <option key={profile.id} value={profile.id}>{profile.name}</option>
                ))}
              </select>
              <button type="button" className="link-button" disabled={profiles.length === 0} onClick={() => void dimensionActions.deleteProfile(profileId)} title="Delete this profile (Undo brings it back)">
                Delete profile
              </button>
            </div>
          )}
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
        <div className="spread-preview" data-testid="spread-preview" aria-live="polite">
          {preview.ok ? (
            view.model.periods.map((period, index) => (
              <div key={period.index} className="spread-preview-month">
                <span>{period.label.split(' ')[0]}</span>
                <span className="amount">{formatAmount(preview.amounts[index] ?? '0', { negatives: 'minus', zero: 'digits' })}</span>
              </div>
            ))
          ) : (
            <p className="field-error">{preview.message}</p>
          )}
        </div>
        <div className="name-field save-profile">
          <input
            aria-label="Name for a new profile"
            placeholder={shape === null ? 'This line has no shape to save as a profile' : 'Save this line’s shape as a profile, e.g. Summer peak'}
            value={profileName}
            disabled={shape === null}
            onChange={(event) => setProfileName(event.target.value)}
          />
          <button
            type="button"
            disabled={shape === null || profileName.trim() === ''}
            onClick={() => {
              if (shape !== null) void dimensionActions.addProfile(profileName.trim(), shape).then((saved) => saved && setProfileName(''));
            }}
          >
            Save as profile
          </button>
        </div>
      </form>
    </Dialog>
  );
}
