import { useEffect, useState } from 'react';
import type { ExportAnswer } from '../../shared/api/export-api';
import type { ApiEvents } from '../../shared/api/contract';
import { api } from '../api/client';
import { Dialog } from '../components/Dialog';
import type { SheetView } from '../../shared/sheet/sheet-view';
import { shownVersion } from '../state/sheet-store';

type Format = 'xlsx' | 'csv';

const DELIMITERS = { ',': 'Comma', ';': 'Semicolon', '\t': 'Tab' } as const;
type Delimiter = keyof typeof DELIMITERS;

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function sizeOf(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Exports the version: an Excel workbook to audit (formulas, cover, proposals, audit trail) or
 * a CSV for an ERP (long or wide, delimiter, decimal separator). Shows progress with Cancel,
 * then where the file went and, for an approved version, its stamp.
 */
export function ExportDialog({ view, onClose, onVerify }: { view: SheetView; onClose: () => void; onVerify: () => void }) {
  const version = view.model.version;
  const defaultName = `${view.model.workbook.name} - ${version.name}`.replace(/[\\/:*?"<>|]/g, ' ');
  const [format, setFormat] = useState<Format>('xlsx');
  const [name, setName] = useState(defaultName);
  const [split, setSplit] = useState<'version' | 'department'>('version');
  const [includeProposals, setIncludeProposals] = useState(true);
  const [includeAudit, setIncludeAudit] = useState(false);
  const [includeKpis, setIncludeKpis] = useState(true);
  const [compareWith, setCompareWith] = useState<number | null>(null);
  const [layout, setLayout] = useState<'long' | 'wide'>('long');
  const [delimiter, setDelimiter] = useState<Delimiter>(',');
  const [decimalSeparator, setDecimalSeparator] = useState<'.' | ','>('.');
  const [byteOrderMark, setByteOrderMark] = useState(true);
  const [folder, setFolder] = useState('');
  const [progress, setProgress] = useState<ApiEvents['export/progress'] | null>(null);
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState<ExportAnswer | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // The desktop app: the destination is chosen in the system's Save dialog when Export is clicked.
  const [nativeDialogs, setNativeDialogs] = useState(false);

  useEffect(() => {
    void api.call('export/get-folder', {}).then((answer) => setFolder(answer.folder));
    void api.call('app/capabilities', {}).then((answer) => setNativeDialogs(answer.nativeDialogs), () => setNativeDialogs(false));
    return api.onEvent((event) => {
      if (event.name === 'export/progress') setProgress(event.payload as ApiEvents['export/progress']);
    });
  }, []);

  const clash = format === 'csv' && delimiter === ',' && decimalSeparator === ',';
  const ready = !running && name.trim() !== '' && !clash;
  const start = async () => {
    setFailure(null);
    let fileName = `${name.trim()}.${format}`;
    if (nativeDialogs) {
      try {
        const chosen = await api.call('app/choose-export-path', { defaultName: name.trim(), format });
        if (chosen === null) return;
        fileName = chosen.path;
      } catch (error) {
        setFailure(error instanceof Error ? error.message : String(error));
        return;
      }
    }
    setRunning(true);
    setDone(null);
    setProgress({ fraction: 0, label: 'Starting' });
    try {
      const answer =
        format === 'xlsx'
          ? await api.call('export/xlsx', { versionId: shownVersion(), fileName, split, includeProposals, includeAudit, includeKpis, compareWith })
          : await api.call('export/csv', { versionId: shownVersion(), fileName, layout, delimiter, decimalSeparator, byteOrderMark });
      setDone(answer);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setRunning(false);
    }
  };

  const download = done === null ? null : api.downloadUrl(baseName(done.path));
  // A CSV of an approved version has its stamp in a file beside it, offered with it: verifying a copy needs both.
  const stampFile = done !== null && done.sha256 !== null && done.path.toLowerCase().endsWith('.csv') ? `${done.path}.approval.json` : null;
  const stampDownload = stampFile === null ? null : api.downloadUrl(baseName(stampFile));
  return (
    <Dialog
      title={`Export ${version.name}`}
      testId="export-dialog"
      onClose={() => {
        if (running) void api.call('export/cancel', {});
        onClose();
      }}
      actions={
        running ? (
          <button type="button" onClick={() => void api.call('export/cancel', {})}>
            Cancel export
          </button>
        ) : (
          <>
            <button type="button" className="dialog-action-left" onClick={onVerify} title="Check an exported file against its approval stamp">
              Verify a file…
            </button>
            <button type="button" onClick={onClose}>
              {done === null ? 'Cancel' : 'Close'}
            </button>
            <button type="button" className="primary" disabled={!ready} onClick={() => void start()}>
              {done === null ? (nativeDialogs ? 'Export…' : 'Export') : nativeDialogs ? 'Export again…' : 'Export again'}
            </button>
          </>
        )
      }
    >
      <fieldset className="choice-group" disabled={running}>
        <legend>Format</legend>
        <label className="choice">
          <input type="radio" name="format" checked={format === 'xlsx'} onChange={() => setFormat('xlsx')} />
          Excel workbook (.xlsx): totals as formulas, a cover sheet, ready to audit
        </label>
        <label className="choice">
          <input type="radio" name="format" checked={format === 'csv'} onChange={() => setFormat('csv')} />
          CSV (.csv) for an ERP or accounting import
        </label>
      </fieldset>
      {format === 'xlsx' ? (
        <fieldset className="choice-group" disabled={running}>
          <legend>Excel options</legend>
          <label className="choice">
            <input type="radio" name="split" checked={split === 'version'} onChange={() => setSplit('version')} />
            One sheet for the version
          </label>
          <label className="choice">
            <input type="radio" name="split" checked={split === 'department'} onChange={() => setSplit('department')} />
            One sheet per department
          </label>
          <label className="choice">
            <input type="checkbox" checked={includeProposals} onChange={(event) => setIncludeProposals(event.target.checked)} />
            Proposals with their metrics
          </label>
          <label className="choice">
            <input type="checkbox" checked={includeAudit} onChange={(event) => setIncludeAudit(event.target.checked)} />
            The audit trail
          </label>
          <label className="choice">
            <input type="checkbox" checked={includeKpis} onChange={(event) => setIncludeKpis(event.target.checked)} />
            KPIs with targets and status
          </label>
          <label className="choice">
            A sheet comparing with
            <select aria-label="Compare sheet" value={compareWith ?? ''} onChange={(event) => setCompareWith(event.target.value === '' ? null : Number(event.target.value))}>
              <option value="">no other version</option>
              {view.model.versions
                .filter((version) => version.id !== view.model.version.id)
                .map((version) => (
                  <option key={version.id} value={version.id}>
                    {version.name} (variance as live formulas)
                  </option>
                ))}
            </select>
          </label>
        </fieldset>
      ) : (
        <fieldset className="choice-group" disabled={running}>
          <legend>CSV options</legend>
          <label className="choice">
            <input type="radio" name="layout" checked={layout === 'long'} onChange={() => setLayout('long')} />
            Long: one row per line and month
          </label>
          <label className="choice">
            <input type="radio" name="layout" checked={layout === 'wide'} onChange={() => setLayout('wide')} />
            Wide: one row per line, a column per month
          </label>
          <div className="inline-fields">
            <label>
              Delimiter
              <select value={delimiter} onChange={(event) => setDelimiter(event.target.value as Delimiter)}>
                {Object.entries(DELIMITERS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Decimal separator
              <select value={decimalSeparator} onChange={(event) => setDecimalSeparator(event.target.value as '.' | ',')}>
                <option value=".">Point (1250.50)</option>
                <option value=",">Comma (1250,50)</option>
              </select>
            </label>
          </div>
          <label className="choice">
            <input type="checkbox" checked={byteOrderMark} onChange={(event) => setByteOrderMark(event.target.checked)} />
            Mark as UTF-8 for Excel (byte-order mark; some ERP imports want none)
          </label>
          {clash && <p className="field-error">A comma cannot be both the delimiter and the decimal separator.</p>}
        </fieldset>
      )}
      <label>
        File name
        <input value={name} onChange={(event) => setName(event.target.value)} disabled={running} aria-label="File name" />
      </label>
      <p className="hint">
        {nativeDialogs ? `You choose where to save ${name.trim()}.${format} when you export` : `Saved in ${folder === '' ? 'the Exports folder' : folder} as ${name.trim()}.${format}`}
        {version.status === 'approved' ? '. The version is approved: the file carries its approval stamp.' : '. Only an approved version’s export carries an approval stamp.'}
      </p>
      {running && progress !== null && (
        <div className="export-progress" role="progressbar" aria-valuenow={Math.round(progress.fraction * 100)} aria-valuemin={0} aria-valuemax={100} aria-label="Export progress">
          <div className="export-progress-bar" style={{ width: `${Math.round(progress.fraction * 100)}%` }} />
          <span>
            {progress.label}… {Math.round(progress.fraction * 100)}%
          </span>
        </div>
      )}
      {failure !== null && (
        <p className="field-error" role="alert" data-testid="export-failure">
          {failure}
        </p>
      )}
      {done !== null && (
        <div className="export-done" data-testid="export-done">
          <p>
            Saved <strong>{baseName(done.path)}</strong> ({sizeOf(done.bytes)}) in {done.path.slice(0, done.path.length - baseName(done.path).length)}
          </p>
          {done.sha256 !== null && (
            <p className="hint" data-testid="export-stamp">
              Approval stamp (SHA-256): <code>{done.sha256}</code>.{' '}
              {stampFile === null
                ? 'To check a copy later, use Verify a file… below (or File › Verify an exported file…) and give it the file.'
                : `A CSV keeps its stamp in ${baseName(stampFile)} beside it. To check a copy later, use Verify a file… below (or File › Verify an exported file…) and give it both files.`}
            </p>
          )}
          {download !== null && (
            <p className="export-downloads">
              <a href={download} download={baseName(done.path)} className="download-link">
                Download {baseName(done.path)}
              </a>
              {stampDownload !== null && stampFile !== null && (
                <a href={stampDownload} download={baseName(stampFile)} className="download-link">
                  Download its approval stamp ({baseName(stampFile)})
                </a>
              )}
            </p>
          )}
        </div>
      )}
    </Dialog>
  );
}
