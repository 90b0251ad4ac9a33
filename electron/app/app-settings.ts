import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ApiError } from '../../shared/api/errors';

const RECENT_LIMIT = 10;

/** Who the sample workbook's own content is recorded under: Tandem wrote it, not the user. */
export const SAMPLE_ACTOR = 'Tandem (sample)';

/** Why a change is refused before the user has said who they are, and what to do. */
export const NAME_REQUIRED = 'Tandem does not know your name yet: File › Your name… sets it. Nothing was changed.';

const settingsSchema = z.object({
  /** most recent first */
  recentFiles: z.array(z.string()).default([]),
  lastOpened: z.string().nullable().default(null),
  /** set once the sample workbook has been offered, so it is not re-created on every start */
  sampleOffered: z.boolean().default(false),
  /** who is acting; absent until the user chose a name (a blank or damaged one counts as not chosen) */
  userName: z.string().trim().min(1).max(120).optional().catch(undefined),
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

  /** whether the user has told Tandem their name */
  get userNameIsSet(): boolean {
    return this.data.userName !== undefined;
  }

  /** the name the user chose, or null before they chose one */
  get userNameOrNull(): string | null {
    return this.data.userName ?? null;
  }

  /**
   * Who is acting: the name every audit record, decision, comment and approval is recorded
   * under. Until the user has chosen one, anything that records an actor is refused here, in
   * one place, before it writes: the system's login name is never recorded in its stead.
   */
  get userName(): string {
    if (this.data.userName !== undefined) return this.data.userName;
    throw new ApiError('unauthorized', NAME_REQUIRED, 'userName');
  }

  /** The system's login name, offered (never recorded) as the default when the user is asked theirs. */
  get suggestedUserName(): string {
    try {
      return userInfo().username;
    } catch {
      return '';
    }
  }

  setUserName(name: string): string {
    const userName = name.trim().replace(/\s+/g, ' ');
    if (userName === '') throw new ApiError('invalid-input', 'Type your name: Tandem records it with every change you make.', 'userName');
    this.update((data) => ({ ...data, userName }));
    return userName;
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
