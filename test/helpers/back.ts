import { join } from 'node:path';
import type { ApiInput, ApiResult, MethodName } from '../../shared/api/contract';
import { ApiError, type ApiResponse } from '../../shared/api/errors';
import { buildHandlerTable, dispatch, DOMAINS } from '../../electron/api/handler-table';
import { BackSession } from '../../electron/app/back-session';

/** The back as both transports drive it: a session over a data folder and the real handler table. */
export interface TestBack {
  session: BackSession;
  dataDir: string;
  /** a typed call that throws the ApiError the UI would show */
  call<Name extends MethodName>(method: Name, input: ApiInput<Name>): Promise<ApiResult<Name>>;
  /** an untyped call, as a hostile or buggy client would send it */
  raw(method: unknown, input: unknown): Promise<ApiResponse<unknown>>;
  stop(): void;
}

export function startBack(dataDir: string, options: { startUp?: boolean } = {}): TestBack {
  const session = new BackSession({ userData: dataDir, workbooks: join(dataDir, 'workbooks') });
  if (options.startUp !== false) session.startUp();
  const table = buildHandlerTable(DOMAINS);
  const raw = (method: unknown, input: unknown) => dispatch(table, { session }, method, input);
  return {
    session,
    dataDir,
    raw,
    async call(method, input) {
      const response = await raw(method, input);
      if (!response.ok) throw ApiError.fromData(response.error);
      return response.value as ApiResult<typeof method>;
    },
    stop: () => session.shutDown(),
  };
}
