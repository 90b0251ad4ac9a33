import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

/** End of central directory: the last record of a zip file; its comment is outside every compressed part. */
const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const PREFIX = 'tandem-approval-stamp:';

export interface FileStamp {
  /** SHA-256 of the file's bytes without this comment */
  fileSha256: string;
  [field: string]: string;
}

function endRecord(bytes: Buffer): { offset: number; commentLength: number } | null {
  for (let offset = bytes.length - EOCD_SIZE; offset >= Math.max(0, bytes.length - EOCD_SIZE - 0xffff); offset -= 1) {
    if (bytes.readUInt32LE(offset) !== EOCD_SIGNATURE) continue;
    const commentLength = bytes.readUInt16LE(offset + 20);
    if (offset + EOCD_SIZE + commentLength === bytes.length) return { offset, commentLength };
  }
  return null;
}

/**
 * Seals a zip file (an XLSX) with a stamp in its archive comment: the stamp's fields and the
 * SHA-256 of every byte of the file as written. Excel and other readers ignore the comment; a
 * file saved again by them loses it, and any changed byte no longer matches the hash.
 */
export function sealZip(path: string, fields: Record<string, string>): FileStamp {
  const bytes = readFileSync(path);
  const end = endRecord(bytes);
  if (end === null || end.commentLength !== 0) throw new Error(`${path} is not a freshly written zip file.`);
  const stamp: FileStamp = { ...fields, fileSha256: createHash('sha256').update(bytes).digest('hex') };
  const comment = Buffer.from(`${PREFIX}${JSON.stringify(stamp)}`, 'utf8');
  const sealed = Buffer.concat([bytes, comment]);
  sealed.writeUInt16LE(comment.length, end.offset + 20);
  writeFileSync(path, sealed);
  return stamp;
}

export type SealCheck = { ok: true; stamp: FileStamp } | { ok: false; reason: string; stamp: FileStamp | null };

/** Reads a sealed zip's stamp and checks every byte of the file against it. */
export function checkZipSeal(bytes: Buffer): SealCheck {
  const end = endRecord(bytes);
  if (end === null) return { ok: false, reason: 'The file is not a complete zip (XLSX) file: it was cut short or changed.', stamp: null };
  const comment = bytes.subarray(end.offset + EOCD_SIZE).toString('utf8');
  if (!comment.startsWith(PREFIX)) return { ok: false, reason: 'The file carries no Tandem approval stamp (only exports of an approved version do; a file saved again by another program loses it).', stamp: null };
  let stamp: FileStamp;
  try {
    stamp = JSON.parse(comment.slice(PREFIX.length)) as FileStamp;
  } catch {
    return { ok: false, reason: 'The approval stamp in the file is damaged.', stamp: null };
  }
  const original = Buffer.from(bytes.subarray(0, end.offset + EOCD_SIZE));
  original.writeUInt16LE(0, end.offset + 20);
  const hash = createHash('sha256').update(original).digest('hex');
  if (hash !== stamp.fileSha256) return { ok: false, reason: 'The file’s bytes do not match its approval stamp: it was changed after the export.', stamp };
  return { ok: true, stamp };
}
