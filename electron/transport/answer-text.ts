import type { ApiResponse } from '../../shared/api/errors';
import { asciiJson } from './ascii-json';

/** Texts of answers whose value is frozen (the sheet kept by the store until the file changes), by that value. */
const textOfFrozen = new WeakMap<object, string>();

/**
 * The answer as the HTTP host sends it (ASCII JSON, see asciiJson). A frozen value cannot change,
 * so its text is written once: reloading the page sends the kept 2.5 MB sheet without
 * serializing it again (about 55 ms for 10,000 lines x 36 months, issue 14).
 */
export function answerText(answer: ApiResponse<unknown>): string {
  if (!answer.ok || typeof answer.value !== 'object' || answer.value === null || !Object.isFrozen(answer.value)) return asciiJson(answer);
  let text = textOfFrozen.get(answer.value);
  if (text === undefined) {
    text = asciiJson(answer);
    textOfFrozen.set(answer.value, text);
  }
  return text;
}
