import { useState } from 'react';
import { treeOrder } from '../../shared/domain/dimension-tree';
import type { Department } from '../../shared/domain/workbook';
import { FormDialog } from '../components/Dialog';

/** Optional department minimums for the optimizer: the capital (all years together) each department must get at least. */
export function MinimumsDialog({ departments, minimums, onSave, onClose }: { departments: readonly Department[]; minimums: Record<number, string>; onSave: (minimums: Record<number, string>) => void; onClose: () => void }) {
  const [texts, setTexts] = useState<Record<number, string>>(() => ({ ...minimums }));
  return (
    <FormDialog title="Department minimums" testId="minimums-dialog" submitLabel="Save" ready onClose={onClose} onSubmit={() => onSave(texts)}>
      <p className="hint">The optimizer gives each department at least this much capital over all years, even where other proposals would add more. Leave empty for none.</p>
      {treeOrder(departments).map(({ node, depth }) => (
        <label key={node.id} className="minimum-field" style={{ paddingLeft: depth * 16 }}>
          <span>{node.name}</span>
          <input aria-label={`Minimum for ${node.name}`} className="amount-input" value={texts[node.id] ?? ''} placeholder="no minimum" onChange={(event) => setTexts({ ...texts, [node.id]: event.target.value })} />
        </label>
      ))}
    </FormDialog>
  );
}
