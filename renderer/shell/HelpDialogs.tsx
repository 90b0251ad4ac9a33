import { availableOn, COMMANDS, MENU_LABELS, MENUS, menuSections } from '../../shared/commands/command-table';
import { commandShortcutLabel } from '../commands/command-keys';
import { currentHost } from '../commands/platform';
import { Dialog } from '../components/Dialog';

const version = typeof __TANDEM_VERSION__ === 'string' ? __TANDEM_VERSION__ : 'development';

/** Every command that has a shortcut, menu by menu: the same table the menus and key bindings read. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const host = currentHost();
  return (
    <Dialog title="Keyboard shortcuts" testId="shortcuts-dialog" onClose={onClose} actions={<button type="button" className="primary" onClick={onClose}>Close</button>}>
      <div className="shortcut-columns">
        {MENUS.map((menu) => {
          const ids = menuSections(menu, (id) => availableOn(id, host))
            .flat()
            .filter((id) => commandShortcutLabel(id) !== '');
          if (ids.length === 0) return null;
          return (
            <section key={menu} className="shortcut-group">
              <h3>{MENU_LABELS[menu]}</h3>
              <dl>
                {ids.map((id) => (
                  <div key={id} className="shortcut-row">
                    <dt>{COMMANDS[id].label.replace(/…$/, '')}</dt>
                    <dd>
                      <kbd>{commandShortcutLabel(id)}</kbd>
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
      </div>
      <p className="hint">Alt or F10 moves the keyboard to the menu bar. In the sheet: arrows, Tab and Enter move; F2 edits; Ctrl+arrows jump to the edge of the data.</p>
    </Dialog>
  );
}

export function AboutDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="About Tandem" testId="about-dialog" onClose={onClose} actions={<button type="button" className="primary" onClick={onClose}>Close</button>}>
      <p>
        <strong>Tandem {version}</strong>
      </p>
      <p>Budgets and investment decisions, built together by finance and operations. Each workbook is one file on your computer; every change is saved as you make it.</p>
    </Dialog>
  );
}
