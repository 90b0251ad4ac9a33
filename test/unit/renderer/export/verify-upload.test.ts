import { describe, expect, it } from 'vitest';
import { MAX_VERIFY_UPLOAD_BYTES } from '../../../../shared/api/export-api';
import { sizeOf, uploadProblem } from '../../../../renderer/export/verify-upload';

describe('what the Verify dialog sends', () => {
  it('takes one file or two (a CSV and its stamp) within the upload limit', () => {
    expect(uploadProblem([{ size: 40_000 }])).toBeNull();
    expect(uploadProblem([{ size: 40_000 }, { size: 900 }])).toBeNull();
    expect(uploadProblem([{ size: MAX_VERIFY_UPLOAD_BYTES - 1 }, { size: 1 }])).toBeNull();
  });

  it('refuses three files, and files over the limit together, saying what to do instead', () => {
    expect(uploadProblem([{ size: 1 }, { size: 1 }, { size: 1 }])).toBe('Give at most two files: the export and, for a CSV, its .approval.json (3 were given).');
    expect(uploadProblem([{ size: MAX_VERIFY_UPLOAD_BYTES }, { size: 1 }])).toMatch(/^These files are 44\.0 MB together, more than the 44\.0 MB .* verify the file by its name in the Exports folder instead\.$/);
  });

  it('lists small files in KB and large ones in MB', () => {
    expect(sizeOf(300)).toBe('1 KB');
    expect(sizeOf(41_498)).toBe('41 KB');
    expect(sizeOf(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
