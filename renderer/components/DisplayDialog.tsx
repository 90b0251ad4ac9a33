import { formatAmount } from '../../shared/money/format-amount';
import { amountFormatOf, useDisplayStore } from '../state/display-store';
import { Dialog } from './Dialog';

/** Locales whose decimal mark is a point, so that entry and display agree; shown as their own sample. */
const NUMBER_STYLES = ['en-US', 'de-CH'].map((locale) => ({
  locale,
  label: formatAmount('1234567.89', amountFormatOf({ locale, negatives: 'minus', zero: 'digits' })),
}));

/** How amounts look: negatives, zeros, thousands separators. Applies at once; nothing stored changes. */
export function DisplayDialog({ onClose }: { onClose: () => void }) {
  const display = useDisplayStore();
  const sample = (value: string) => formatAmount(value, amountFormatOf(display));
  return (
    <Dialog title="Number display" testId="display-dialog" onClose={onClose} actions={<button type="button" className="primary" onClick={onClose}>Done</button>}>
      <fieldset className="choices">
        <legend>Negative amounts</legend>
        <label className="choice">
          <input type="radio" name="negatives" checked={display.negatives === 'parentheses'} onChange={() => display.setDisplay({ negatives: 'parentheses' })} /> In parentheses: (1,250.00)
        </label>
        <label className="choice">
          <input type="radio" name="negatives" checked={display.negatives === 'minus'} onChange={() => display.setDisplay({ negatives: 'minus' })} /> With a minus: -1,250.00
        </label>
      </fieldset>
      <fieldset className="choices">
        <legend>Zero</legend>
        <label className="choice">
          <input type="radio" name="zero" checked={display.zero === 'dash'} onChange={() => display.setDisplay({ zero: 'dash' })} /> As a dash: –
        </label>
        <label className="choice">
          <input type="radio" name="zero" checked={display.zero === 'blank'} onChange={() => display.setDisplay({ zero: 'blank' })} /> Blank
        </label>
        <label className="choice">
          <input type="radio" name="zero" checked={display.zero === 'digits'} onChange={() => display.setDisplay({ zero: 'digits' })} /> As 0.00
        </label>
      </fieldset>
      <label className="choice">
        <input type="checkbox" checked={display.sheetCents} onChange={(event) => display.setDisplay({ sheetCents: event.target.checked })} /> Cents in the budget sheet (without them, the
        sheet shows whole units and January to December fit the window)
      </label>
      <label>
        Thousands separators
        <select value={display.locale} onChange={(event) => display.setDisplay({ locale: event.target.value })}>
          {NUMBER_STYLES.map((style) => (
            <option key={style.locale} value={style.locale}>{style.label}</option>
          ))}
        </select>
      </label>
      <p className="hint">
        Preview: {sample('1234567.89')} · {sample('-1250')} · {sample('0') === '' ? '(blank)' : sample('0')}. The formula bar always shows the exact value.
      </p>
    </Dialog>
  );
}
