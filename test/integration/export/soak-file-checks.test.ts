import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { partialDestinations, temporaryFilesIn } from '../../soak/soak-support';
import { startBack } from '../../helpers/back';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

describe('the soak’s checks of the exports folder after a kill', () => {
  it('find whole exports whole, and an XLSX or CSV cut short (or a CSV with records missing) partial, naming the file', async () => {
    const back = startBack(tempFolder());
    const xlsx = (await back.call('export/xlsx', { fileName: 'whole.xlsx' })).path;
    const csv = (await back.call('export/csv', { fileName: 'whole.csv', byteOrderMark: false })).path;
    const folder = dirname(xlsx);
    const records = readFileSync(csv, 'utf8').split('\r\n').length - 1;
    expect(partialDestinations(folder, records)).toEqual([]);

    const xlsxBytes = readFileSync(xlsx);
    writeFileSync(join(folder, 'cut.xlsx'), xlsxBytes.subarray(0, Math.floor(xlsxBytes.length * 0.7)));
    const csvText = readFileSync(csv, 'utf8');
    writeFileSync(join(folder, 'cut.csv'), csvText.slice(0, Math.floor(csvText.length / 2)));
    writeFileSync(join(folder, 'short.csv'), csvText.split('\r\n').slice(0, 10).join('\r\n') + '\r\n');
    expect(partialDestinations(folder, records).sort()).toEqual([
      expect.stringMatching(/^cut\.csv: it does not end with a whole record/),
      expect.stringMatching(/^cut\.xlsx: it has no zip end record/),
      expect.stringMatching(/^short\.csv: it has 10 records where the version has \d+/),
    ]);
    back.stop();
  });

  it('count the temporary files of Tandem’s safe writes, and nothing else', async () => {
    const back = startBack(tempFolder());
    const folder = dirname((await back.call('export/csv', { fileName: 'whole.csv' })).path);
    writeFileSync(join(folder, '.whole.csv.0a1b2c3d.partial'), 'half');
    writeFileSync(join(folder, '.notes.txt'), 'not ours');
    writeFileSync(join(folder, 'plan.partial'), 'not ours');
    expect(temporaryFilesIn(folder)).toEqual(['.whole.csv.0a1b2c3d.partial']);
    back.stop();
  });
});
