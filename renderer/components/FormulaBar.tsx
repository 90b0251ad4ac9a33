import { useState } from 'react';
import { useShownSheet } from '../find/shown-sheet';
import { formatAmount } from '../../shared/money/format-amount';
import { periodOfColumn } from '../grid/sheet-cells';
import { useSelectionStore } from '../state/selection-store';
import { useSheetStore } from '../state/sheet-store';

/**
 * The formula bar: where the cursor is, and what the cell holds at full precision; for a line
 * driven by a formula, the formula itself. Type `=…` to give the line a formula, an amount to
 * set the cell, or empty the box to clear a formula.
 */
export function FormulaBar() {
  const cursor = useSelectionStore((state) => state.cursor);
  const view = useSheetStore((state) => state.view);
  const setFormula = useSheetStore((state) => state.setFormula);
  const editCell = useSheetStore((state) => state.editCell);
  // The cursor's row counts the rows on screen: with the find filter on, those of the filtered sheet.
  const onScreen = useShownSheet() ?? view;
  const shown = cursor === null || onScreen === null ? undefined : onScreen.display.rows[cursor.row];
  const row = shown?.kind === 'line' ? shown : undefined;
  const period = cursor === null ? null : periodOfColumn(cursor.colId);
  const stored = row === undefined ? '' : row.line.formula !== null ? `=${row.line.formula}` : period === null ? '' : (row.line.values[period] ?? '');
  const place = row === undefined ? '' : `${row.line.description}${period === null ? '' : ` · ${view?.model.periods[period]?.label ?? ''}`}`;
  const error = row?.formulaError ?? (period === null ? null : (row?.cellErrors?.[period] ?? null));
  const computed = row !== undefined && row.line.formula !== null && period !== null ? row.line.values[period] : null;

  const commit = (text: string) => {
    if (row === undefined || text === stored) return;
    const entry = text.trim();
    if (entry.startsWith('=')) void setFormula(row.line.id, entry.slice(1));
    else if (entry === '' && row.line.formula !== null) void setFormula(row.line.id, null);
    else if (period !== null) void editCell(row.line.id, period, entry);
  };

  return (
    <div className="formula-bar" data-testid="formula-bar">
      <span className="formula-place" title={place}>{place || 'No cell selected'}</span>
      <span className="formula-fx" aria-hidden="true">fx</span>
      {/* Keyed by what it shows, so moving the cursor or a saved change starts it afresh. */}
      <FormulaInput key={`${place}|${stored}`} stored={stored} disabled={row === undefined} onCommit={commit} />
      {error !== null ? (
        <span className="formula-error" role="alert">{error}</span>
      ) : computed !== null && computed !== undefined ? (
        <span className="formula-result">= {formatAmount(computed, { negatives: 'minus', zero: 'digits' })}</span>
      ) : null}
    </div>
  );
}

function FormulaInput({ stored, disabled, onCommit }: { stored: string; disabled: boolean; onCommit: (text: string) => void }) {
  const [text, setText] = useState(stored);
  return (
    <input
      aria-label="Formula or value of the selected cell"
      value={text}
      disabled={disabled}
      placeholder={disabled ? '' : 'Type an amount, or = and a formula such as =Headcount * 8500'}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          onCommit(text);
        } else if (event.key === 'Escape') {
          setText(stored);
        }
      }}
      onBlur={() => setText(stored)}
    />
  );
}
