import { useEffect, useRef } from 'react';

/** An entry of a context menu; `reason` says why a disabled one cannot run now. */
export type MenuItem = { label: string; shortcut?: string; disabled?: boolean; reason?: string; action: () => void } | 'separator';

/** A small menu at a point: arrows move, Enter chooses, Escape or a click elsewhere closes. */
export function ContextMenu({ x, y, items, onClose }: { x: number; y: number; items: MenuItem[]; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  }, [onClose]);
  // On opening only: the keyboard moves into the menu, and goes back where it was when the menu closes.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    ref.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const closeOnOutside = (event: MouseEvent) => {
      if (ref.current !== null && !ref.current.contains(event.target as Node)) close.current();
    };
    window.addEventListener('mousedown', closeOnOutside, true);
    return () => {
      window.removeEventListener('mousedown', closeOnOutside, true);
      // Unless what the menu did took the keyboard (a dialog), the keyboard returns to the cell.
      if (opener !== null && opener.isConnected && (document.activeElement === null || document.activeElement === document.body)) opener.focus();
    };
  }, []);
  // Keep the menu on screen.
  const left = Math.min(x, window.innerWidth - 260);
  const top = Math.min(y, window.innerHeight - 40 - items.length * 30);
  return (
    <div
      className="context-menu"
      role="menu"
      data-testid="context-menu"
      ref={ref}
      style={{ left, top }}
      onKeyDown={(event) => {
        const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
        const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
        if (event.key === 'Escape' || event.key === 'Tab') {
          event.preventDefault();
          event.stopPropagation();
          onClose();
        } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          const step = event.key === 'ArrowDown' ? 1 : -1;
          buttons[(index + step + buttons.length) % buttons.length]?.focus();
        }
      }}
    >
      {items.map((item, index) =>
        item === 'separator' ? (
          <hr key={`separator-${index}`} />
        ) : (
          <button
            key={item.label}
            type="button"
            role="menuitem"
            disabled={item.disabled}
            title={item.disabled === true ? item.reason : undefined}
            onClick={() => {
              onClose();
              item.action();
            }}
          >
            <span className="menu-label">
              {item.label}
              {item.disabled === true && item.reason !== undefined && <span className="menu-reason">{item.reason}</span>}
            </span>
            {item.shortcut !== undefined && <span className="shortcut">{item.shortcut}</span>}
          </button>
        ),
      )}
    </div>
  );
}
