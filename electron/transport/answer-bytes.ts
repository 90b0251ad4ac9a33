import type { ApiResponse } from '../../shared/api/errors';
import { asciiJson } from './ascii-json';

/** Bytes of answers whose value is frozen (the sheet kept by the store until the file changes), by that value. */
const bytesOfFrozen = new WeakMap<object, Buffer>();

/**
 * The answer as the HTTP host sends it: ASCII JSON (see asciiJson), as bytes. A frozen value
 * cannot change, so its bytes are made once: reloading the page sends the kept 2.5 MB sheet
 * without serializing it again (about 55 ms for 10,000 lines x 36 months, issue 14) nor encoding
 * it again on the socket (about 22 ms each time a text is written).
 */
export function answerBytes(answer: ApiResponse<unknown>): Buffer {
  if (!answer.ok || typeof answer.value !== 'object' || answer.value === null || !Object.isFrozen(answer.value)) return Buffer.from(asciiJson(answer));
  let bytes = bytesOfFrozen.get(answer.value);
  if (bytes === undefined) {
    bytes = Buffer.from(asciiJson(answer));
    bytesOfFrozen.set(answer.value, bytes);
  }
  return bytes;
}
