/** Why a call failed, in a form the UI can act on. */
export const API_ERROR_CODES = [
  'invalid-input',
  'unknown-method',
  'no-workbook-open',
  'not-found',
  'already-exists',
  'not-a-workbook',
  'newer-version',
  'corrupt',
  'unauthorized',
  'locked',
  /** the open workbook's file or folder cannot be written: it was opened read-only */
  'read-only',
  /** another program holds the workbook's file for writing */
  'in-use',
  'cancelled',
  'write-failed',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** An error as it crosses a transport: plain data. */
export interface ApiErrorData {
  code: ApiErrorCode;
  /** a sentence for the user: what happened and, where it helps, how to fix it */
  message: string;
  /** what the error is about: an input field, a file path, a cell */
  where?: string;
}

export class ApiError extends Error implements ApiErrorData {
  readonly code: ApiErrorCode;
  readonly where: string | undefined;

  constructor(code: ApiErrorCode, message: string, where?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.where = where;
  }

  toData(): ApiErrorData {
    return this.where === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, where: this.where };
  }

  static fromData(data: ApiErrorData): ApiError {
    return new ApiError(data.code, data.message, data.where);
  }
}

/** What every transport answers with. */
export type ApiResponse<Result> = { ok: true; value: Result } | { ok: false; error: ApiErrorData };
