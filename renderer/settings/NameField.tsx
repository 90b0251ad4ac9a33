import { useState, type ReactNode } from 'react';
import { useUserStore } from '../state/approval-actions';

/** Saves the user's name through the back; says whether it took, and keeps the back's refusal to show. */
export function useNameSaver(): { busy: boolean; refusal: string | null; save(name: string): Promise<boolean> } {
  const setName = useUserStore((state) => state.setName);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  return {
    busy,
    refusal,
    async save(name) {
      setBusy(true);
      const refused = await setName(name.trim());
      setBusy(false);
      setRefusal(refused);
      return refused === null;
    },
  };
}

/** The name field of the first-run prompt and of File › Your name…, with a note under it and the back's refusal. */
export function NameField({ value, onChange, placeholder, note, refusal }: { value: string; onChange: (value: string) => void; placeholder?: string; note?: ReactNode; refusal: string | null }) {
  return (
    <>
      <label>
        Your name
        <input value={value} onChange={(event) => onChange(event.target.value)} placeholder={placeholder} maxLength={120} autoComplete="name" />
      </label>
      {note}
      {refusal !== null && (
        <p className="field-error" role="alert">
          {refusal}
        </p>
      )}
    </>
  );
}
