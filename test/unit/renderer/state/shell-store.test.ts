// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { useShellStore } from '../../../../renderer/state/shell-store';

describe('the shell store', () => {
  beforeEach(() => useShellStore.setState({ page: 'budget', workbookPath: null, layouts: {} }));

  it('opens each workbook on the view it was left on', () => {
    const shell = useShellStore.getState();
    shell.enterWorkbook('/a.tandem');
    useShellStore.getState().setPage('dashboard');
    useShellStore.getState().enterWorkbook('/b.tandem');
    expect(useShellStore.getState().page).toBe('budget');
    useShellStore.getState().setPage('proposals');
    useShellStore.getState().enterWorkbook('/a.tandem');
    expect(useShellStore.getState().page).toBe('dashboard');
    useShellStore.getState().enterWorkbook('/b.tandem');
    expect(useShellStore.getState().page).toBe('proposals');
  });

  it('remembers column widths per workbook and per grid', () => {
    useShellStore.getState().enterWorkbook('/a.tandem');
    useShellStore.getState().rememberColumnWidths('budget', { description: 320 });
    useShellStore.getState().enterWorkbook('/b.tandem');
    expect(useShellStore.getState().columnWidths('budget')).toEqual({});
    useShellStore.getState().enterWorkbook('/a.tandem');
    expect(useShellStore.getState().columnWidths('budget')).toEqual({ description: 320 });
    expect(useShellStore.getState().columnWidths('proposals')).toEqual({});
  });

  it('forgets the least recently used workbooks beyond forty, so what it keeps stays bounded', () => {
    for (let index = 0; index < 45; index += 1) {
      useShellStore.getState().enterWorkbook(`/w${index}.tandem`);
      useShellStore.getState().setPage('goals');
    }
    const kept = Object.keys(useShellStore.getState().layouts);
    expect(kept).toHaveLength(40);
    expect(kept).toContain('/w44.tandem');
  });
});
