import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBack } from '../../helpers/back';
import { useTempFolder } from '../../helpers/temp-folder';

const tempFolder = useTempFolder();

describe('temporary files of exports that were killed', () => {
  it('are removed when the back starts, and nothing else is', () => {
    const dataDir = tempFolder();
    const exportsFolder = join(dataDir, 'workbooks', 'Exports');
    mkdirSync(exportsFolder, { recursive: true });
    // What a killed export leaves: its hidden temporary file, named after the destination.
    const leftovers = ['.Budget FY2027.csv.1a2b3c4d.partial', '.Budget FY2027.xlsx.deadbeef.partial', '.report.pdf.00ff00ff.partial'];
    // Files that only look alike are the user's, and stay.
    const others = ['Budget FY2027.csv', '.notes.partial', 'notes.partial', '.Budget.csv.1a2b3c4d.partial.txt', '.Budget.csv.XYZ12345.partial', '.Budget.csv.1a2b3c4.partial'];
    for (const name of [...leftovers, ...others]) writeFileSync(join(exportsFolder, name), 'x');
    mkdirSync(join(exportsFolder, '.folder.12345678.partial'));
    // Elsewhere, even Tandem's naming is left alone: only the exports folder is Tandem's own.
    writeFileSync(join(dataDir, 'workbooks', '.Plan.csv.1a2b3c4d.partial'), 'x');

    const back = startBack(dataDir);
    back.stop();

    expect(readdirSync(exportsFolder).sort()).toEqual([...others, '.folder.12345678.partial'].sort());
    expect(readdirSync(join(dataDir, 'workbooks'))).toContain('.Plan.csv.1a2b3c4d.partial');
  });

  it('a back that starts without an exports folder starts as before', () => {
    const back = startBack(tempFolder());
    expect(back.session.state().current).not.toBeNull();
    back.stop();
  });
});
