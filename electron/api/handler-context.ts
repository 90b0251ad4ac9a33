import type { BackSession } from '../app/back-session';

/** What every handler gets besides its validated input. */
export interface HandlerContext {
  session: BackSession;
}
