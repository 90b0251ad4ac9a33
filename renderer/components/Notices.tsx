import { useShellStore } from '../state/shell-store';
import { noticesOf, useNoticeStore } from '../state/notice-store';

/**
 * The current view's notices, in a corner above the status bar: never over the grid's header or
 * a view's first row. Notes fade; errors stay until dismissed; at most three, then a count.
 */
export function Notices() {
  const { notices, dismiss } = useNoticeStore();
  const page = useShellStore((state) => state.page);
  const { shown, more } = noticesOf(notices, page);
  if (shown.length === 0) return null;
  const dismissAll = () => notices.filter((notice) => notice.page === page).forEach((notice) => dismiss(notice.id));
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {more > 0 && (
        <div className="notice-more">
          <span>{more} more</span>
          <button type="button" onClick={dismissAll}>Dismiss all</button>
        </div>
      )}
      {shown.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : undefined} data-testid={`notice-${notice.tone}`}>
          <div className="notice-text">
            {notice.where !== undefined && !notice.message.includes(notice.where) && <span className="notice-where">{notice.where}</span>}
            <span>{notice.message}</span>
          </div>
          <button type="button" className="notice-dismiss" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
