import { commandTooltip } from '../commands/command-keys';
import { VERSION_KIND_LABELS, type VersionSummary } from '../../shared/domain/workbook';

const MANAGE = -1;

/** The version the sheet shows, beside the workbook's name: any version of the plan year, by keyboard or mouse; its last entry (or Data › Versions…) manages them. */
export function VersionPicker({ versions, versionId, onOpen, onManage }: { versions: readonly VersionSummary[]; versionId: number; onOpen: (versionId: number) => void; onManage: () => void }) {
  return (
    <div className="version-picker">
      <select
        id="version-picker"
        aria-label="Version"
        title={commandTooltip('data.version-picker')}
        value={versionId}
        onChange={(event) => {
          const chosen = Number(event.target.value);
          // The last entry manages the versions instead of opening one; the picker stays on the open version.
          if (chosen === MANAGE) onManage();
          else onOpen(chosen);
        }}
        data-testid="version-picker"
      >
        {versions.map((version) => (
          <option key={version.id} value={version.id}>
            {version.name} — {VERSION_KIND_LABELS[version.kind]}
          </option>
        ))}
        <option value={MANAGE}>Manage versions…</option>
      </select>
    </div>
  );
}
