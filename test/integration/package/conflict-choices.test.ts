import { describe, expect, it } from 'vitest';
import { WorkbookStore } from '../../../electron/store/workbook-store';
import { startBack, type TestBack } from '../../helpers/back';
import { rejection } from '../../helpers/rejection';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

/** A Sales package whose two trade-show months were changed both offline and in the workbook: two conflicts. */
async function packageWithTwoConflicts(back: TestBack) {
  const sheet = await back.call('sheet/get-sheet', {});
  const sales = sheet.departments.find((department) => department.name === 'Sales');
  const shows = sheet.lines.find((line) => line.description === 'Trade shows — travel');
  if (sales === undefined || shows === undefined) throw new Error('sample lines missing');
  const cut = await back.call('package/cut', { departmentId: sales.id, fileName: 'Sales package' });
  const offline = WorkbookStore.open(cut.path);
  try {
    const packaged = offline.sheet(offline.defaultVersionId()).lines.find((line) => line.description === 'Trade shows — travel');
    offline.setCells(
      offline.defaultVersionId(),
      [
        { lineId: packaged?.id ?? 0, period: 1, value: '11000' },
        { lineId: packaged?.id ?? 0, period: 2, value: '12000' },
      ],
      'offline',
      'Olivia Ops',
    );
  } finally {
    offline.close();
  }
  await back.call('sheet/set-cells', {
    edits: [
      { lineId: shows.id, period: 1, value: '9500' },
      { lineId: shows.id, period: 2, value: '9600' },
    ],
    label: 'central edits',
  });
  const inspected = await back.call('package/inspect', { source: { path: cut.path } });
  return { shows, inspected };
}

describe('a package merge with conflicts', () => {
  it('is refused while any conflict has no side chosen, saying how many are left and which, and changes nothing', async () => {
    const back = startBack(tempFolder());
    const { shows, inspected } = await packageWithTwoConflicts(back);
    expect(inspected.plan.conflicts.map((conflict) => conflict.key)).toEqual([`${shows.id}:1`, `${shows.id}:2`]);
    const revision = (await back.call('workbook/get-session', {})).current?.revision;

    const refused = await rejection(back.call('package/merge', { token: inspected.token, choices: { [`${shows.id}:1`]: 'package' } }));
    expect(refused.message).toBe('Choose a side for every conflict before merging: 1 of 2 is not chosen yet (Trade shows — travel, Mar 2027). Nothing was merged.');

    const after = await back.call('sheet/get-sheet', {});
    expect((await back.call('workbook/get-session', {})).current?.revision).toBe(revision);
    expect(after.lines.find((line) => line.id === shows.id)?.values.slice(1, 3)).toEqual(['9500', '9600']);
    back.stop();
  });

  it('refuses a choice for a cell that is not one of the conflicts, naming it', async () => {
    const back = startBack(tempFolder());
    const { shows, inspected } = await packageWithTwoConflicts(back);
    const refused = await rejection(
      back.call('package/merge', { token: inspected.token, choices: { [`${shows.id}:1`]: 'package', [`${shows.id}:2`]: 'workbook', [`${shows.id}:7`]: 'package' } }),
    );
    expect(refused.message).toBe(`The choice for “${shows.id}:7” is not one of this package’s conflicts: inspect the package again. Nothing was merged.`);
    expect(refused.where).toBe(`choices.${shows.id}:7`);
    back.stop();
  });

  it('merges once every conflict has its side: the package’s here, the workbook’s there', async () => {
    const back = startBack(tempFolder());
    const { shows, inspected } = await packageWithTwoConflicts(back);
    await back.call('package/merge', { token: inspected.token, choices: { [`${shows.id}:1`]: 'package', [`${shows.id}:2`]: 'workbook' } });
    const after = await back.call('sheet/get-sheet', {});
    expect(after.lines.find((line) => line.id === shows.id)?.values.slice(1, 3)).toEqual(['11000', '9600']);
    back.stop();
  });
});
