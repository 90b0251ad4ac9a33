import { useEffect, useState } from 'react';
import { Dialog } from '../components/Dialog';
import { useUserStore } from '../state/approval-actions';
import { NameField, useNameSaver } from './NameField';

const ignore = () => undefined;

/**
 * On first start, before anything is recorded: asks who is using Tandem. The login name of the
 * computer is offered, never taken without the user confirming it. The dialog cannot be
 * dismissed without a name: until one is set, the back refuses every change.
 */
export function FirstRunNamePrompt() {
  const user = useUserStore((state) => state.user);
  const load = useUserStore((state) => state.load);
  const saver = useNameSaver();
  const [name, setNameText] = useState<string | null>(null);
  useEffect(() => {
    void load().catch(ignore);
  }, [load]);
  if (user === null || user.isSet) return null;
  const typed = name ?? user.suggestion;
  const ready = typed.trim() !== '' && !saver.busy;
  const submit = () => {
    if (ready) void saver.save(typed);
  };
  return (
    <Dialog
      title="Who is using Tandem?"
      testId="first-run-name"
      onClose={ignore}
      actions={
        <button type="submit" form="first-run-name-form" className="primary" disabled={!ready}>
          Continue
        </button>
      }
    >
      <form
        id="first-run-name-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <p className="hint">
          Tandem records your name with every change, decision, comment and approval you make, so that everyone reading the workbook's history knows who did what.
        </p>
        <NameField
          value={typed}
          onChange={setNameText}
          placeholder="e.g. Dana Whitfield"
          refusal={saver.refusal}
          note={
            <p className="hint settings-note">
              {user.suggestion !== '' && typed === user.suggestion ? 'Filled in from this computer’s login name: type the name your colleagues know you by. ' : ''}You can change it later under File › Your name…
            </p>
          }
        />
      </form>
    </Dialog>
  );
}
