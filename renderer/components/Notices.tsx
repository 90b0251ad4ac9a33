import { useEffect } from 'react';
import { useNoticeStore } from '../state/notice-store';

const INFO_LIFETIME_MS = 6000;

/** Errors stay until dismissed; notes fade on their own. */
export function Notices() {
  const { notices, dismiss } = useNoticeStore();
  useEffect(() => {
    const timers = notices.filter((notice) => notice.tone === 'info').map((notice) => setTimeout(() => dismiss(notice.id), INFO_LIFETIME_MS));
    return () => timers.forEach(clearTimeout);
  }, [notices, dismiss]);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
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
