import { useDisplayStore } from '../state/display-store';
import { useEffect, useState } from 'react';
import type { CommandStates } from '../../shared/commands/command-table';
import { usePortfolioStore } from '../state/portfolio-store';
import { useProposalsUiStore } from '../state/proposals-ui-store';
import { useSelectionStore } from '../state/selection-store';
import { useSheetStore } from '../state/sheet-store';
import { useShellStore } from '../state/shell-store';
import { useWorkbookStore } from '../state/workbook-store';
import { commandContext, commandStates } from './command-handlers';
import { useFindStore } from '../find/find-store';
import { subscribeActiveGrid } from '../grid/spreadsheet/active-grid';

/** The full-screen state, which the Window menu's check mark shows. */
function subscribeFullScreen(listener: () => void): () => void {
  document.addEventListener('fullscreenchange', listener);
  return () => document.removeEventListener('fullscreenchange', listener);
}

/**
 * Every command's state, recomputed when a store it reads changes (the file, the sheet, the
 * history, the cursor, the view), and sent to Electron's native menu so that it stays in step.
 * A change that leaves every state as it was does not draw the shell again.
 */
export function useCommandStates(): CommandStates {
  const [states, setStates] = useState<CommandStates>(() => commandStates(commandContext()));
  useEffect(() => {
    let scheduled = false;
    let last = JSON.stringify(states);
    const recompute = () => {
      if (scheduled) return;
      scheduled = true;
      // Many store changes in one task (an answer from the back) recompute once.
      queueMicrotask(() => {
        scheduled = false;
        const next = commandStates(commandContext());
        const text = JSON.stringify(next);
        if (text === last) return;
        last = text;
        setStates(next);
      });
    };
    const sources = [useWorkbookStore.subscribe, useSheetStore.subscribe, useShellStore.subscribe, useSelectionStore.subscribe, usePortfolioStore.subscribe, useProposalsUiStore.subscribe, useFindStore.subscribe, useDisplayStore.subscribe, subscribeActiveGrid, subscribeFullScreen];
    const unsubscribes = sources.map((subscribe) => subscribe(recompute));
    recompute();
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
    // The subscriptions are made once; `states` is only the starting point for the comparison.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    window.tandem?.shell?.setCommandStates(states);
  }, [states]);
  return states;
}
