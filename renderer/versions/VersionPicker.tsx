import { commandTooltip } from '../commands/command-keys';
import { VERSION_KIND_LABELS, type VersionSummary } from '../../shared/domain/workbook';

/** The version the sheet shows, beside the workbook's name: any version of the plan year, by keyboard or mouse. */
export function VersionPicker({ versions, versionId, onOpen, onManage }: { versions: readonly VersionSummary[]; versionId: number; onOpen: (versionId: number) => void; onManage: () => void }) {
  return (
    <div className="version-picker">
      <select
        id="version-picker"
        aria-label="Version"
        title={commandTooltip('data.version-picker')}
        value={versionId}
        onChange={(event) => onOpen(Number(event.target.value))}
        data-testid="version-picker"
      >
        {versions.map((version) => (
          <option key={version.id} value={version.id}>
            {version.name} — {VERSION_KIND_LABELS[version.kind]}
          </option>
        ))}
      </select>
      <button type="button" onClick={onManage} title={commandTooltip('data.versions')}>
        Versions…
      </button>
    </div>
  );
}
