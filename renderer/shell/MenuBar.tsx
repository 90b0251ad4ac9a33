import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { availableOn, COMMANDS, MENU_LABELS, MENUS, menuSections, type CommandDefinition, type CommandId, type CommandStates, type MenuId } from '../../shared/commands/command-table';
import { commandShortcut, commandShortcutLabel } from '../commands/command-keys';
import { currentHost, currentPlatform } from '../commands/platform';
import { commandContext, commandState } from '../commands/command-handlers';

/** The in-app menu bar's items: every command of a menu that exists here, with separators between sections. */
function itemsOf(menu: MenuId): (CommandId | 'separator')[] {
  const host = currentHost();
  return menuSections(menu, (id) => availableOn(id, host)).flatMap((section, index) => (index === 0 ? section : ['separator' as const, ...section]));
}

/** A shortcut as ARIA names keys: Control+Shift+L, Meta+Shift+L, Shift+F3. */
function ariaShortcut(id: CommandId): string | undefined {
  const shortcut = commandShortcut(id);
  if (shortcut === null) return undefined;
  const mod = currentPlatform() === 'mac' ? 'Meta' : 'Control';
  const key = shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key;
  return [shortcut.mod === true ? mod : null, shortcut.alt === true ? 'Alt' : null, shortcut.shift === true ? 'Shift' : null, key].filter((part) => part !== null).join('+');
}

const modalOpen = (): boolean => document.querySelector('[aria-modal="true"]') !== null;

/**
 * The menu bar of the browser host, after the WAI-ARIA menubar pattern: Alt (alone) or F10 enters
 * it; Left and Right go from menu to menu; Down, Enter or Space open one; Up and Down move, Home and
 * End jump, Enter runs, Esc closes and gives the keyboard back to where it was.
 */
export function MenuBar({ states, onRun }: { states: CommandStates; onRun: (id: CommandId) => void }) {
  const [open, setOpen] = useState<MenuId | null>(null);
  const [active, setActive] = useState<MenuId>('file');
  const focusRequest = useRef<{ menu: MenuId; which: 'first' | 'last' } | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  const focusMenuButton = (menu: MenuId) => bar.current?.querySelector<HTMLButtonElement>(`[data-menu="${menu}"]`)?.focus();
  const focusItem = (menu: MenuId, which: 'first' | 'last') => {
    const items = [...(bar.current?.querySelectorAll<HTMLElement>(`[data-menu-list="${menu}"] [role^="menuitem"]`) ?? [])];
    (which === 'first' ? items[0] : items[items.length - 1])?.focus();
  };
  const rememberFocus = () => {
    if (bar.current?.contains(document.activeElement) !== true) returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  };

  const enter = useCallback(() => {
    rememberFocus();
    setActive('file');
    bar.current?.querySelector<HTMLButtonElement>('[data-menu="file"]')?.focus();
  }, []);

  const leave = useCallback(() => {
    setOpen(null);
    const back = returnFocus.current;
    returnFocus.current = null;
    if (back !== null && back.isConnected) back.focus();
    else if (bar.current?.contains(document.activeElement) === true) (document.activeElement as HTMLElement).blur();
  }, []);

  // Alt pressed and released alone, or F10, enters the menu bar (as desktop apps do); again, leaves it.
  useEffect(() => {
    let altAlone = false;
    const toggle = () => (bar.current?.contains(document.activeElement) === true ? leave() : enter());
    const onKeyDown = (event: KeyboardEvent) => {
      altAlone = event.key === 'Alt' && !event.ctrlKey && !event.metaKey && !event.shiftKey;
      if (event.key === 'F10' && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey && !modalOpen()) {
        event.preventDefault();
        toggle();
      }
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key !== 'Alt' || !altAlone) return;
      altAlone = false;
      if (modalOpen()) return;
      event.preventDefault();
      toggle();
    };
    // A click, or leaving the window (Alt+Tab), is no "Alt alone".
    const onPointer = () => (altAlone = false);
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('keyup', onKeyUp, true);
    window.addEventListener('mousedown', onPointer, true);
    window.addEventListener('blur', onPointer);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('keyup', onKeyUp, true);
      window.removeEventListener('mousedown', onPointer, true);
      window.removeEventListener('blur', onPointer);
    };
  }, [enter, leave]);

  // A click elsewhere closes an open menu; so does Esc wherever the keyboard is.
  useEffect(() => {
    if (open === null) return;
    const onMouseDown = (event: MouseEvent) => {
      if (bar.current !== null && !bar.current.contains(event.target as Node)) setOpen(null);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      // A dialog's Esc is the dialog's.
      if (event.key !== 'Escape' || bar.current?.contains(document.activeElement) === true || modalOpen()) return;
      event.preventDefault();
      event.stopPropagation();
      setOpen(null);
    };
    window.addEventListener('mousedown', onMouseDown, true);
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('mousedown', onMouseDown, true);
      window.removeEventListener('keydown', onKeyDown, true);
    };
  }, [open]);

  const neighbour = (menu: MenuId, step: number): MenuId => MENUS[(MENUS.indexOf(menu) + step + MENUS.length) % MENUS.length] ?? menu;

  const openMenu = (menu: MenuId, focus: 'first' | 'last' | null) => {
    setActive(menu);
    setOpen(menu);
    if (focus === null) return;
    // Already drawn: the item can take the keyboard now; otherwise as soon as the menu is drawn.
    if (open === menu) focusItem(menu, focus);
    else focusRequest.current = { menu, which: focus };
  };

  // The item takes the keyboard as soon as its menu is drawn, before the next key arrives (a key
  // event's state is drawn before the next event, so a quick Enter, Down never lands on the bar).
  useLayoutEffect(() => {
    const request = focusRequest.current;
    if (request === null || open !== request.menu) return;
    focusRequest.current = null;
    focusItem(request.menu, request.which);
  }, [open]);

  const run = (id: CommandId) => {
    // Asked again now: a state drawn a moment ago may be stale (a grid took the keyboard since).
    if (!commandState(id, commandContext()).enabled) return;
    // The keyboard goes back first, so that a command acting on the grid finds it focused.
    leave();
    onRun(id);
  };

  const onBarKeyDown = (event: ReactKeyboardEvent, menu: MenuId) => {
    const go = (next: MenuId) => {
      event.preventDefault();
      setActive(next);
      focusMenuButton(next);
      if (open !== null) openMenu(next, 'first');
    };
    if (event.key === 'ArrowRight') go(neighbour(menu, 1));
    else if (event.key === 'ArrowLeft') go(neighbour(menu, -1));
    else if (event.key === 'Home') go(MENUS[0]);
    else if (event.key === 'End') go(MENUS[MENUS.length - 1] ?? menu);
    else if (event.key === 'ArrowDown' || event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      openMenu(menu, 'first');
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu(menu, 'last');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      leave();
    } else if (event.key === 'Tab') {
      event.preventDefault();
      leave();
    }
  };

  const onMenuKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>, menu: MenuId) => {
    const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[role^="menuitem"]')];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      const next = neighbour(menu, event.key === 'ArrowRight' ? 1 : -1);
      focusMenuButton(next);
      openMenu(next, 'first');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setOpen(null);
      focusMenuButton(menu);
    } else if (event.key === 'Tab') {
      event.preventDefault();
      leave();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const id = (document.activeElement as HTMLElement | null)?.dataset.command as CommandId | undefined;
      if (id !== undefined) run(id);
    } else if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Type-ahead: the next item whose label starts with the letter.
      const letter = event.key.toLowerCase();
      const order = [...items.slice(index + 1), ...items.slice(0, index + 1)];
      const match = order.find((item) => item.querySelector('.menu-label')?.textContent?.trim().toLowerCase().startsWith(letter));
      if (match !== undefined) {
        event.preventDefault();
        match.focus();
      }
    }
  };

  return (
    <div
      className="menu-bar"
      role="menubar"
      aria-label="Tandem"
      ref={bar}
      data-testid="menu-bar"
      // The keyboard went elsewhere (a shortcut's dialog, a click in the sheet): the open menu closes.
      onBlur={(event) => {
        if (!(event.relatedTarget instanceof Node) || !event.currentTarget.contains(event.relatedTarget)) setOpen(null);
      }}
    >
      {MENUS.map((menu) => (
        <div key={menu} className="menu-bar-entry">
          <button
            type="button"
            role="menuitem"
            aria-haspopup="menu"
            aria-expanded={open === menu}
            data-menu={menu}
            tabIndex={active === menu ? 0 : -1}
            className={open === menu ? 'menu-bar-button open' : 'menu-bar-button'}
            onMouseDown={(event) => {
              event.preventDefault();
              if (open === menu) leave();
              else {
                // The keyboard follows the mouse to the menu, so arrows and Esc work from there.
                rememberFocus();
                focusMenuButton(menu);
                openMenu(menu, null);
              }
            }}
            onMouseEnter={() => {
              if (open === null || open === menu) return;
              focusMenuButton(menu);
              openMenu(menu, null);
            }}
            onKeyDown={(event) => onBarKeyDown(event, menu)}
          >
            {MENU_LABELS[menu]}
          </button>
          {open === menu && (
            <div className="menu-list" role="menu" aria-label={MENU_LABELS[menu]} data-menu-list={menu} onKeyDown={(event) => onMenuKeyDown(event, menu)}>
              {itemsOf(menu).map((item, index) =>
                item === 'separator' ? <div key={`separator-${index}`} role="separator" className="menu-separator" /> : <MenuEntry key={item} id={item} states={states} onRun={run} />,
              )}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

function MenuEntry({ id, states, onRun }: { id: CommandId; states: CommandStates; onRun: (id: CommandId) => void }) {
  const definition: CommandDefinition = COMMANDS[id];
  const state = states[id];
  const enabled = state?.enabled === true;
  const role = definition.toggle === 'check' ? 'menuitemcheckbox' : definition.toggle === 'radio' ? 'menuitemradio' : 'menuitem';
  const shortcut = commandShortcutLabel(id);
  return (
    <div
      role={role}
      tabIndex={-1}
      data-command={id}
      aria-disabled={!enabled}
      aria-checked={definition.toggle === undefined ? undefined : state?.checked === true}
      aria-keyshortcuts={ariaShortcut(id)}
      className={enabled ? 'menu-item' : 'menu-item disabled'}
      title={state?.reason ?? definition.description}
      onMouseEnter={(event) => event.currentTarget.focus()}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onRun(id)}
    >
      <span className="menu-check" aria-hidden="true">
        {definition.toggle === undefined || state?.checked !== true ? '' : definition.toggle === 'radio' ? '•' : '✓'}
      </span>
      <span className="menu-label">
        {state?.label ?? definition.label}
        {!enabled && state?.reason !== undefined && <span className="menu-reason">{state.reason}</span>}
      </span>
      <span className="menu-shortcut">{shortcut}</span>
    </div>
  );
}
