import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';

const RECENT_LIMIT = 10;

const settingsSchema = z.object({
  /** most recent first */
  recentFiles: z.array(z.string()).default([]),
  lastOpened: z.string().nullable().default(null),
  /** set once the sample workbook has been offered, so it is not re-created on every start */
  sampleOffered: z.boolean().default(false),
  userName: z.string().min(1).optional(),
});
export type AppSettingsData = z.infer<typeof settingsSchema>;

/** App-wide settings in a small JSON file in the user data folder, written atomically. */
export class AppSettings {
  private data: AppSettingsData;
  private readonly file: string;

  constructor(userDataFolder: string) {
    this.file = join(userDataFolder, 'settings.json');
    this.data = AppSettings.read(this.file);
  }

  private static read(file: string): AppSettingsData {
    try {
      return settingsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      // Missing or unreadable settings: start fresh rather than refuse to start.
      return settingsSchema.parse({});
    }
  }

  get isFirstRun(): boolean {
    return !this.data.sampleOffered;
  }

  get recentFiles(): readonly string[] {
    return this.data.recentFiles;
  }

  get lastOpened(): string | null {
    return this.data.lastOpened;
  }

  /** whether the user typed their name (otherwise the system's login name stands in) */
  get userNameIsSet(): boolean {
    return this.data.userName !== undefined;
  }

  get userName(): string {
    if (this.data.userName !== undefined) return this.data.userName;
    try {
      return userInfo().username;
    } catch {
      return 'unknown user';
    }
  }

  update(change: (data: AppSettingsData) => AppSettingsData): void {
    this.data = change(this.data);
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, JSON.stringify(this.data, null, 2));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, this.file);
  }

  rememberOpened(path: string): void {
    this.update((data) => ({
      ...data,
      lastOpened: path,
      recentFiles: [path, ...data.recentFiles.filter((known) => known !== path)].slice(0, RECENT_LIMIT),
    }));
  }

  forgetLastOpened(): void {
    this.update((data) => ({ ...data, lastOpened: null }));
  }
}
