/**
 * What a read-only workbook says, on its banner and in every write it refuses: why it is
 * read-only (“the file is read-only”, “the folder is read-only”), what still works, and how to
 * change it.
 */
export function readOnlyMessage(reason: string): string {
  return `This workbook is read-only: ${reason}. You can read and export it; to change it, save a copy with File › Save as…`;
}
