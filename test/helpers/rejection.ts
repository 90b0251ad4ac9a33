import { ApiError } from '../../shared/api/errors';

/** The ApiError a call fails with; fails the test when the call succeeds or fails otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('the call succeeded');
}
