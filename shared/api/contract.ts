import type { InputOf, ResultOf } from './method';
import { approvalMethods } from './approval-api';
import { dimensionMethods } from './dimension-api';
import { exportMethods } from './export-api';
import { importMethods } from './import-api';
import { packageMethods } from './package-api';
import { proposalMethods } from './proposal-api';
import { sheetMethods } from './sheet-api';
import { versionMethods } from './version-api';
import { compareMethods } from './compare-api';
import { kpiMethods } from './kpi-api';
import { workbookMethods } from './workbook-api';

/**
 * The whole API: every domain's methods joined. Names read `domain/verb-noun`. The back
 * validates every input against these schemas before a handler sees it.
 */
export const apiMethods = { ...workbookMethods, ...sheetMethods, ...dimensionMethods, ...proposalMethods, ...approvalMethods, ...exportMethods, ...importMethods, ...packageMethods, ...versionMethods, ...compareMethods, ...kpiMethods };
export type Api = typeof apiMethods;
export type MethodName = keyof Api;
export type ApiInput<Name extends MethodName> = InputOf<Api[Name]>;
export type ApiResult<Name extends MethodName> = ResultOf<Api[Name]>;

/** Events the back pushes to the UI, by name. */
export interface ApiEvents {
  /** the open workbook was written: its new revision */
  'workbook/changed': { path: string; revision: number };
  /** another workbook was opened from outside the window (file manager, command line, second launch, drop): read the session again */
  'workbook/session-changed': { path: string };
  /** the optimizer's progress on a running solve */
  'proposal/optimize-progress': { seconds: number; incumbent: number | null; bound: number | null; gap: number | null };
  /** how far the running export or import is */
  'export/progress': { fraction: number; label: string };
}
export type EventName = keyof ApiEvents;
export interface ApiEvent<Name extends EventName = EventName> {
  name: Name;
  payload: ApiEvents[Name];
}

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(apiMethods, name);
}
