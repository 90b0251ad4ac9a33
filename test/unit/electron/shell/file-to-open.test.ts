import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FileOpenQueue, isWorkbookFile, workbookFromArgv, workbookFromSecondInstance } from '../../../../electron/shell/file-to-open';
import { useTempFolder } from '../../../helpers/temp-folder';

const tempFolder = useTempFolder();

function folderWithFiles() {
  const folder = tempFolder();
  const budget = join(folder, 'Budget.tandem');
  const other = join(folder, 'Other.TANDEM');
  writeFileSync(budget, 'x');
  writeFileSync(other, 'x');
  writeFileSync(join(folder, 'notes.txt'), 'x');
  mkdirSync(join(folder, 'Folder.tandem'));
  return { folder, budget, other };
}

describe('the workbook a command line names', () => {
  it('finds the .tandem file after the executable, skipping switches', () => {
    const { folder, budget } = folderWithFiles();
    expect(workbookFromArgv(['/opt/Tandem/tandem', '--no-sandbox', '--inspect=0', budget], { cwd: folder })).toBe(budget);
  });

  it('skips the app path development starts Electron with, and takes relative paths in the working folder', () => {
    const { folder, budget } = folderWithFiles();
    expect(workbookFromArgv(['electron', folder, 'Budget.tandem'], { cwd: folder, appPath: folder })).toBe(budget);
    expect(workbookFromArgv(['electron', '.'], { cwd: folder, appPath: folder })).toBeNull();
  });

  it('never takes the executable itself, a folder, a missing file or another extension', () => {
    const { folder, budget } = folderWithFiles();
    expect(workbookFromArgv([budget], { cwd: folder })).toBeNull();
    expect(workbookFromArgv(['tandem', join(folder, 'Folder.tandem'), join(folder, 'Missing.tandem'), join(folder, 'notes.txt')], { cwd: folder })).toBeNull();
    expect(workbookFromArgv(['tandem', `--open=${budget}`], { cwd: folder })).toBeNull();
  });

  it('takes the extension in any case, and the last workbook named', () => {
    const { folder, budget, other } = folderWithFiles();
    expect(workbookFromArgv(['tandem', budget, other], { cwd: folder })).toBe(other);
  });

  it('follows a symbolic link to a workbook', () => {
    const { folder, budget } = folderWithFiles();
    const link = join(folder, 'Link.tandem');
    symlinkSync(budget, link);
    expect(workbookFromArgv(['tandem', link], { cwd: folder })).toBe(link);
  });
});

describe('what may be opened from outside', () => {
  it('is an absolute path to an existing .tandem regular file, nothing else', () => {
    const { folder, budget } = folderWithFiles();
    expect(isWorkbookFile(budget)).toBe(true);
    expect(isWorkbookFile('Budget.tandem')).toBe(false);
    expect(isWorkbookFile(join(folder, 'Folder.tandem'))).toBe(false);
    expect(isWorkbookFile(join(folder, 'notes.txt'))).toBe(false);
    expect(isWorkbookFile(`${budget}\0.txt`)).toBe(false);
    expect(isWorkbookFile(42)).toBe(false);
  });
});

describe('a second launch', () => {
  it('hands over the workbook it named in the lock’s data, else the one its argv names in its own folder', () => {
    const { folder, budget, other } = folderWithFiles();
    expect(workbookFromSecondInstance(['tandem', other], '/', { workbook: budget })).toBe(budget);
    expect(workbookFromSecondInstance(['tandem', 'Other.TANDEM'], folder, { workbook: null })).toBe(other);
    expect(workbookFromSecondInstance(['tandem'], folder, { workbook: join(folder, 'notes.txt') })).toBeNull();
    expect(workbookFromSecondInstance(['tandem'], folder, null)).toBeNull();
  });
});

describe('files asked for before the window can open them', () => {
  it('keeps the latest request until the opener is attached, then hands it over once', () => {
    const queue = new FileOpenQueue();
    queue.request('/a.tandem');
    queue.request('/b.tandem');
    const opener = vi.fn();
    queue.attach(opener);
    expect(opener).toHaveBeenCalledExactlyOnceWith('/b.tandem');
    queue.request('/c.tandem');
    expect(opener).toHaveBeenLastCalledWith('/c.tandem');
    expect(opener).toHaveBeenCalledTimes(2);
  });

  it('take() gives the waiting file to start-up instead', () => {
    const queue = new FileOpenQueue();
    queue.request('/a.tandem');
    expect(queue.take()).toBe('/a.tandem');
    const opener = vi.fn();
    queue.attach(opener);
    expect(opener).not.toHaveBeenCalled();
  });
});
