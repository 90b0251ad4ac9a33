import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DimensionStore } from '../../../../../electron/store/dimension-store';
import { WorkbookStore } from '../../../../../electron/store/workbook-store';
import { oldWorkbook } from '../../../../helpers/old-workbook';
import { useTempFolder } from '../../../../helpers/temp-folder';

const tempFolder = useTempFolder();

describe('migration 5: hierarchies, units, profiles, version offsets', () => {
  it('upgrades a version 4 workbook: everything at the top level, money accounts, no profiles, no last year', () => {
    const path = join(tempFolder(), 'v4.tandem');
    oldWorkbook(path, 4);
    const store = WorkbookStore.open(path);
    const sheet = store.sheet(1);
    expect(sheet.departments).toEqual([{ id: 1, name: 'Sales', parentId: null }]);
    expect(sheet.accounts).toEqual([{ id: 1, code: '6200', name: 'Travel', type: 'opex', unit: 'currency', parentId: null }]);
    expect(sheet.profiles).toEqual([]);
    expect(sheet.priorYear).toBeNull();
    expect(sheet.lines[0]?.values[0]).toBe('1250.5');
    // The upgraded file takes the new structure at once.
    const { departmentId } = new DimensionStore(store).addDepartment('Commercial', null, 'test');
    new DimensionStore(store).setParent('departments', 1, departmentId, 'test');
    expect(store.sheet(1).departments.find((department) => department.id === 1)?.parentId).toBe(departmentId);
    store.close();
  });
});
