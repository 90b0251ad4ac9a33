import { useEffect, useState } from 'react';
import type { ImportInspectionAnswer, ImportPreviewAnswer } from '../../shared/api/import-api';
import type { ApiEvents } from '../../shared/api/contract';
import type { ImportTarget } from '../../shared/import/import-target';
import type { ImportField } from '../../shared/import/plan-import';
import { api } from '../api/client';
import { readAsBase64 } from '../api/read-file';
import { Dialog } from '../components/Dialog';
import { useNoticeStore } from '../state/notice-store';
import { enqueue, useSheetStore } from '../state/sheet-store';
import type { SheetView } from '../../shared/sheet/sheet-view';
import { VERSION_KIND_LABELS } from '../../shared/domain/workbook';

const FIELD_LABELS: Record<Exclude<ImportField['kind'], 'month'>, string> = {
  ignore: '— not imported —',
  department: 'Department',
  account: 'Account (code or name)',
  line: 'Line (description)',
  period: 'Period (month or date)',
  amount: 'Amount',
};

const targetValue = (target: ImportTarget) => (target.kind === 'prior-year' ? 'prior-year' : `version:${target.versionId}`);
const targetOf = (value: string): ImportTarget => (value === 'prior-year' ? { kind: 'prior-year' } : { kind: 'version', versionId: Number(value.slice('version:'.length)) });

const fieldValue = (field: ImportField) => (field.kind === 'month' ? `month:${field.period}` : field.kind);
function fieldOf(value: string): ImportField {
  if (value.startsWith('month:')) return { kind: 'month', period: Number(value.slice('month:'.length)) };
  return { kind: value as Exclude<ImportField['kind'], 'month'> };
}


/**
 * Imports budget values or last year's actuals from a CSV or XLSX: choose the file, map its
 * columns (a guess is made from the headers) with a sample of the rows, see every problem by
 * row number or what will change, then import all of it as one undo step, or nothing.
 */
export function ImportDialog({ view, onClose }: { view: SheetView; onClose: () => void }) {
  const [target, setTarget] = useState<ImportTarget>({ kind: 'version', versionId: view.model.version.id });
  const [inspection, setInspection] = useState<ImportInspectionAnswer | null>(null);
  const [columns, setColumns] = useState<ImportField[]>([]);
  const [decimalSeparator, setDecimalSeparator] = useState<'.' | ','>('.');
  const [preview, setPreview] = useState<ImportPreviewAnswer | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<ApiEvents['export/progress'] | null>(null);
  useEffect(
    () =>
      api.onEvent((event) => {
        if (event.name === 'export/progress') setProgress(event.payload as ApiEvents['export/progress']);
      }),
    [],
  );
  const priorName = view.model.priorYear?.versionName ?? `Actuals (the year before ${view.model.version.name})`;

  const choose = async (file: File | undefined, into: ImportTarget = target) => {
    if (file === undefined) return;
    setFile(file);
    setFailure(null);
    setPreview(null);
    setInspection(null);
    setProgress(null);
    setBusy(`Reading ${file.name}…`);
    try {
      const inspected = await api.call('import/inspect', { source: { name: file.name, base64: await readAsBase64(file) }, target: into });
      setInspection(inspected);
      setColumns(inspected.suggested);
      // A CSV written with decimal commas says so in its sample (1.250,50 or 12,5), as long as nothing in it reads as 1,250.50.
      const cells = inspected.sample.flat().map((cell) => cell.trim());
      const comma = cells.some((cell) => /^-?(\d{1,3}(\.\d{3})+|\d+),\d{1,2}$/.test(cell));
      const point = cells.some((cell) => /^-?(\d{1,3}(,\d{3})+|\d+)\.\d{1,2}$/.test(cell));
      setDecimalSeparator(inspected.format === 'csv' && comma && !point ? ',' : '.');
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };

  // Every change of the mapping is checked at once against the whole file.
  useEffect(() => {
    if (inspection === null) return;
    let current = true;
    api
      .call('import/preview', { token: inspection.token, mapping: { columns, decimalSeparator }, target })
      .then((answer) => current && setPreview(answer))
      .catch((error: unknown) => current && setFailure(error instanceof Error ? error.message : String(error)));
    return () => {
      current = false;
    };
  }, [inspection, columns, decimalSeparator, target]);

  const commit = async () => {
    if (inspection === null) return;
    // What the preview counted: a receipt counts the cells written, cleared ones among them.
    const cleared = preview?.cellsToClear ?? 0;
    setProgress(null);
    setBusy('Importing…');
    setFailure(null);
    try {
      await enqueue(async () => {
        const receipt = await api.call('import/commit', { token: inspection.token, mapping: { columns, decimalSeparator }, target });
        useSheetStore.setState({ revision: receipt.revision, history: receipt.history });
        await useSheetStore.getState().load();
        useNoticeStore.getState().show({
          tone: 'info',
          message: `Imported ${inspection.fileName}: ${receipt.cellsSet.toLocaleString()} cell${receipt.cellsSet === 1 ? '' : 's'} set${cleared > 0 ? ` (${cleared.toLocaleString()} of them cleared, as the file leaves them empty)` : ''}${receipt.linesAdded > 0 ? `, ${receipt.linesAdded} line${receipt.linesAdded === 1 ? '' : 's'} added` : ''}. One undo takes it all back.`,
        });
      });
      onClose();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };

  const periods = inspection?.periods ?? [];
  const changes = preview === null ? 0 : preview.cellsToSet + preview.linesToAdd;
  const ready = busy === null && preview !== null && preview.problemCount === 0 && changes > 0;
  return (
    <Dialog
      title="Import values"
      testId="import-dialog"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!ready} onClick={() => void commit()}>
            {preview === null || changes === 0 ? 'Import' : `Import ${preview.cellsToSet.toLocaleString()} cell${preview.cellsToSet === 1 ? '' : 's'}`}
          </button>
        </>
      }
    >
      <div className="inline-fields">
        <label>
          Into
          <select
            value={targetValue(target)}
            onChange={(event) => {
              const into = targetOf(event.target.value);
              setTarget(into);
              // The months and the suggested mapping belong to the target: read the file again for it.
              if (file !== null) void choose(file, into);
            }}
            aria-label="Import into"
          >
            {view.model.versions.map((version) => (
              <option key={version.id} value={targetValue({ kind: 'version', versionId: version.id })}>
                {version.name} ({VERSION_KIND_LABELS[version.kind].toLowerCase()}
                {version.id === view.model.version.id ? ', shown' : ''})
              </option>
            ))}
            <option value="prior-year">{priorName} (last year’s actuals)</option>
          </select>
        </label>
        <label>
          File (CSV or XLSX)
          <input
            type="file"
            accept=".csv,.txt,.tsv,.xlsx"
            aria-label="File to import"
            onChange={(event) => {
              void choose(event.target.files?.[0]);
              // Cleared, so choosing the same file again (after fixing it) reads it again.
              event.target.value = '';
            }}
          />
        </label>
      </div>
      {busy !== null && (
        <div className="import-busy">
          <div className="export-progress" role="progressbar" aria-valuenow={Math.round((progress?.fraction ?? 0) * 100)} aria-valuemin={0} aria-valuemax={100} aria-label="Import progress">
            <div className="export-progress-bar" style={{ width: `${Math.round((progress?.fraction ?? 0) * 100)}%` }} />
            <span role="status">{progress === null ? busy : `${progress.label}… ${Math.round(progress.fraction * 100)}%`}</span>
          </div>
          <button type="button" onClick={() => void api.call('export/cancel', {})}>
            Cancel import
          </button>
        </div>
      )}
      {failure !== null && (
        <p className="field-error" role="alert" data-testid="import-failure">
          {failure}
        </p>
      )}
      {inspection !== null && (
        <>
          <p className="hint">
            {inspection.fileName}: {inspection.rowCount.toLocaleString()} rows. {inspection.notes.join(' ')}
          </p>
          {inspection.format === 'csv' && (
          <div className="inline-fields">
            <label>
              Decimal separator in the file
              <select value={decimalSeparator} onChange={(event) => setDecimalSeparator(event.target.value as '.' | ',')} aria-label="Decimal separator">
                <option value=".">Point (1,250.50)</option>
                <option value=",">Comma (1.250,50)</option>
              </select>
            </label>
          </div>
          )}
          <div className="import-mapping-wrap">
            <table className="import-mapping" data-testid="import-mapping">
              <thead>
                <tr>
                  <th>Column in the file</th>
                  <th>Is</th>
                  {inspection.sample.slice(0, 3).map((_row, index) => (
                    <th key={index}>Row {index + 2}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {inspection.headers.map((header, column) => (
                  <tr key={column}>
                    <td className="nowrap">{header === '' ? `Column ${column + 1}` : header}</td>
                    <td>
                      <select
                        aria-label={`Column ${header === '' ? column + 1 : header} is`}
                        value={fieldValue(columns[column] ?? { kind: 'ignore' })}
                        onChange={(event) => setColumns((current) => current.map((field, index) => (index === column ? fieldOf(event.target.value) : field)))}
                      >
                        {Object.entries(FIELD_LABELS).map(([value, label]) => (
                          <option key={value} value={value}>
                            {label}
                          </option>
                        ))}
                        {periods.map((period, index) => (
                          <option key={period.key} value={`month:${index}`}>
                            Month: {period.label}
                          </option>
                        ))}
                      </select>
                    </td>
                    {inspection.sample.slice(0, 3).map((row, index) => (
                      <td key={index} className="sample">
                        {row[column] ?? ''}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview !== null &&
            (preview.problemCount > 0 ? (
              <div className="import-problems" data-testid="import-problems" role="alert">
                <strong>
                  {preview.problemCount.toLocaleString()} row problem{preview.problemCount === 1 ? '' : 's'}: nothing will be imported until they are fixed
                  {preview.problemCount > preview.problems.length ? ` (first ${preview.problems.length} listed)` : ''}.
                </strong>
                <ul>
                  {preview.problems.map((problem, index) => (
                    <li key={index}>
                      <span className="problem-row">Row {problem.row}</span> {problem.message}
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="import-summary" data-testid="import-summary" role="status">
                {changes === 0
                  ? `Nothing to change: all ${preview.unchanged.toLocaleString()} values already match (the file was imported before).`
                  : `Ready: ${readyParts(preview).join(', ')}; ${preview.unchanged.toLocaleString()} already equal.`}
                {preview.computed > 0 ? ` ${preview.computed.toLocaleString()} rows on formula lines are passed by: their months are computed.` : ''}
                {preview.rounded > 0 ? ` ${preview.rounded} amounts are rounded half-even to the cent.` : ''}
                {preview.closesThrough !== null
                  ? ` Importing closes the months through ${view.model.periods[preview.closesThrough]?.label ?? `month ${preview.closesThrough + 1}`}: “actuals through” moves there (it is ${view.model.actualsThrough === null ? 'not set' : (view.model.periods[view.model.actualsThrough]?.label ?? '')} now).`
                  : ''}
              </p>
            ))}
        </>
      )}
    </Dialog>
  );
}

/** What an import will do, in parts: cells set, cells cleared (the file names them and leaves them empty), lines added. */
function readyParts(preview: ImportPreviewAnswer): string[] {
  const set = preview.cellsToSet - preview.cellsToClear;
  const cells = (count: number) => `${count.toLocaleString()} cell${count === 1 ? '' : 's'}`;
  return [
    ...(set > 0 || preview.cellsToClear === 0 ? [`${cells(set)} to set`] : []),
    ...(preview.cellsToClear > 0 ? [`${cells(preview.cellsToClear)} will be cleared (the file leaves ${preview.cellsToClear === 1 ? 'it' : 'them'} empty)`] : []),
    ...(preview.linesToAdd > 0 ? [`${preview.linesToAdd} new line${preview.linesToAdd === 1 ? '' : 's'} (${preview.newLineNames.join(', ')})`] : []),
  ];
}
