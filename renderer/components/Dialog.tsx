import { useEffect, useRef, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  children: ReactNode;
  onClose: () => void;
  /** the dialog's buttons, right-aligned at the foot */
  actions: ReactNode;
  testId?: string;
}

/** A modal dialog: focus moves into it, Escape closes it. */
export function Dialog({ title, children, onClose, actions, testId }: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>('input, select, button');
    first?.focus();
  }, []);
  return (
    <div className="dialog-backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        ref={ref}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <h2>{title}</h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-actions">{actions}</div>
      </div>
    </div>
  );
}

export interface FormDialogProps {
  title: string;
  testId?: string;
  /** the submit button's label */
  submitLabel: string;
  /** whether the form can be submitted (the button is disabled otherwise) */
  ready: boolean;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

/** A dialog around a form: Cancel and a primary submit button; Enter submits once the form is ready. */
export function FormDialog({ title, testId, submitLabel, ready, onSubmit, onClose, children }: FormDialogProps) {
  const formId = `${testId ?? 'form'}-form`;
  return (
    <Dialog
      title={title}
      testId={testId}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" form={formId} className="primary" disabled={!ready}>{submitLabel}</button>
        </>
      }
    >
      <form
        id={formId}
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) onSubmit();
        }}
      >
        {children}
      </form>
    </Dialog>
  );
}
