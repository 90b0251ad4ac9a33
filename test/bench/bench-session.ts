import { BackSession } from '../../electron/app/back-session';

/** The name the bench's writes are recorded under (the back refuses writes until a name is chosen). */
export const BENCH_USER = 'Bench User';

/** A back session over the bench's folders that acts as the bench's user. */
export function benchSession(folders: { userData: string; workbooks: string }): BackSession {
  const session = new BackSession(folders);
  session.settings.setUserName(BENCH_USER);
  return session;
}
