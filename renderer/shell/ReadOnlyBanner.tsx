import type { CommandId } from '../../shared/commands/command-table';
import { readOnlyMessage } from '../../shared/domain/read-only';
import { useWorkbookStore } from '../state/workbook-store';

/**
 * Over every view of a workbook opened read-only: why (its file or its folder is read-only),
 * that reading and exporting work, and a way to a copy that can be changed. The commands that
 * would change it are disabled with the same reason.
 */
export function ReadOnlyBanner({ onRun }: { onRun: (id: CommandId) => void }) {
  const reason = useWorkbookStore((state) => (state.session?.current == null ? null : state.session.readOnlyReason));
  if (reason === null) return null;
  return (
    <div className="read-only-banner" role="status" data-testid="read-only-banner">
      <span className="read-only-mark" aria-hidden="true">
        Read-only
      </span>
      <span className="read-only-text">{readOnlyMessage(reason)}</span>
      <button type="button" onClick={() => onRun('file.save-as')}>
        Save a copy…
      </button>
    </div>
  );
}
