import { join } from 'node:path';
import type { ApiInput, ApiResult, MethodName } from '../../shared/api/contract';
import { ApiError, type ApiResponse } from '../../shared/api/errors';
import { buildHandlerTable, dispatch, DOMAINS } from '../../electron/api/handler-table';
import { BackSession } from '../../electron/app/back-session';

/** Methods whose input names the version they act on. */
const VERSIONED: ReadonlySet<string> = new Set([
  'sheet/get-sheet', 'sheet/set-cells', 'sheet/set-formula', 'sheet/add-comment', 'sheet/undo', 'sheet/redo',
  'version/set-status', 'export/xlsx', 'export/csv', 'package/cut', 'package/inspect', 'package/merge',
]);

/** An input whose `versionId`, if it has one, may be left out. */
type VersionOptional<Input> = Input extends { versionId: number } ? Omit<Input, 'versionId'> & { versionId?: number } : Input;

/** The back as both transports drive it: a session over a data folder and the real handler table. */
export interface TestBack {
  session: BackSession;
  dataDir: string;
  /**
   * A typed call that throws the ApiError the UI would show. A call that names no version acts
   * on the workbook's first version (its budget), as the app opens it; tests of versions name theirs.
   */
  call<Name extends MethodName>(method: Name, input: VersionOptional<ApiInput<Name>>): Promise<ApiResult<Name>>;
  /** the workbook's first version (its budget) */
  budgetId(): Promise<number>;
  /** an untyped call, as a hostile or buggy client would send it */
  raw(method: unknown, input: unknown): Promise<ApiResponse<unknown>>;
  stop(): void;
}

/** The name a test back acts under unless the test says otherwise (null: no name chosen yet, as on a first start). */
export const TEST_USER = 'Test User';

export function startBack(dataDir: string, options: { startUp?: boolean; userName?: string | null } = {}): TestBack {
  const session = new BackSession({ userData: dataDir, workbooks: join(dataDir, 'workbooks') });
  const userName = options.userName === undefined ? TEST_USER : options.userName;
  if (userName !== null && !session.settings.userNameIsSet) session.settings.setUserName(userName);
  if (options.startUp !== false) session.startUp();
  const table = buildHandlerTable(DOMAINS);
  const raw = (method: unknown, input: unknown) => dispatch(table, { session }, method, input);
  const budgetId = async (): Promise<number> => {
    const response = await raw('version/list', {});
    if (!response.ok) throw ApiError.fromData(response.error);
    const first = (response.value as ApiResult<'version/list'>).versions[0];
    if (first === undefined) throw new Error('The workbook has no version.');
    return first.id;
  };
  return {
    session,
    dataDir,
    raw,
    budgetId,
    async call(method, input) {
      const named = VERSIONED.has(method) && typeof input === 'object' && input !== null && !('versionId' in input) ? { ...input, versionId: await budgetId() } : input;
      const response = await raw(method, named);
      if (!response.ok) throw ApiError.fromData(response.error);
      return response.value as ApiResult<typeof method>;
    },
    stop: () => session.shutDown(),
  };
}
