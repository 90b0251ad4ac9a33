import type { Proposal } from '../../shared/domain/proposal';
import { quotedList } from '../../shared/domain/proposal-prerequisites';

export type PrerequisiteReading = { ok: true; ids: number[] } | { ok: false; message: string };

/** A way to read the cell: which titles it names, by their run of comma-separated parts. */
interface Reading {
  titles: string[];
}

const HOW_TO = 'Name prerequisites by their titles, separated by commas.';

/** Titles are matched without case or surrounding spaces, as the cell shows them. */
function titleKey(title: string): string {
  return title.trim().toLowerCase();
}

/**
 * Reads a typed or pasted list of prerequisite titles, separated by commas, into proposal ids.
 * Titles may themselves hold commas, so the parts are grouped into titles every way they can be;
 * the reading with the fewest (so longest) titles wins: “Racks, shelving and bins” is that one
 * proposal even when “Racks” is another. Two readings with as few titles are refused as
 * ambiguous, as is a title that two proposals share, naming the text.
 */
export function readPrerequisiteTitles(text: string | null, proposals: readonly Pick<Proposal, 'id' | 'title'>[]): PrerequisiteReading {
  const idsOf = new Map<string, number[]>();
  let longestTitle = 0;
  for (const proposal of proposals) {
    const key = titleKey(proposal.title);
    idsOf.set(key, [...(idsOf.get(key) ?? []), proposal.id]);
    longestTitle = Math.max(longestTitle, key.length);
  }
  const parts = (text ?? '').split(',');
  // best[end]: the readings of parts [0, end) with the fewest titles (at most two kept: two is already ambiguous).
  const best: (Reading[] | undefined)[] = [[{ titles: [] }]];
  for (let start = 0; start < parts.length; start += 1) {
    const from = best[start];
    if (from === undefined) continue;
    if ((parts[start] ?? '').trim() === '') offer(best, start + 1, from, null);
    let piece = '';
    for (let end = start + 1; end <= parts.length; end += 1) {
      piece = end === start + 1 ? (parts[start] ?? '') : `${piece},${parts[end - 1] ?? ''}`;
      const key = titleKey(piece);
      if (key.length > longestTitle) break;
      if (key !== '' && idsOf.has(key)) offer(best, end, from, key);
    }
  }
  const readings = best[parts.length];
  if (readings === undefined) return { ok: false, message: `There is no proposal “${unreadPart(best, parts)}”. ${HOW_TO}` };
  const [first, second] = readings;
  if (first === undefined) return { ok: true, ids: [] };
  if (second !== undefined) {
    // Said longest first title first, as the reader scans the text.
    const [one, other] = (first.titles[0]?.length ?? 0) >= (second.titles[0]?.length ?? 0) ? [first, second] : [second, first];
    return { ok: false, message: `“${(text ?? '').trim()}” can be read as ${sayReading(one, proposals)} or as ${sayReading(other, proposals)}. Rename one of these proposals, or pick the prerequisites in the proposal's detail panel.` };
  }
  const ids: number[] = [];
  for (const key of first.titles) {
    const matches = idsOf.get(key) ?? [];
    const [id] = matches;
    if (matches.length > 1 || id === undefined) return { ok: false, message: `${matches.length} proposals are titled “${titleOf(key, proposals)}”: rename one, or pick the prerequisites in the proposal's detail panel.` };
    if (!ids.includes(id)) ids.push(id);
  }
  return { ok: true, ids };
}

/** Extends the readings that end at one part by a title (or a blank part, null), keeping only the fewest titles at `end`. */
function offer(best: (Reading[] | undefined)[], end: number, from: readonly Reading[], key: string | null): void {
  const extended = from.map((reading) => ({ titles: key === null ? reading.titles : [...reading.titles, key] }));
  const current = best[end];
  const size = extended[0]?.titles.length ?? 0;
  const currentSize = current?.[0]?.titles.length ?? Infinity;
  if (size < currentSize) best[end] = extended.slice(0, 2);
  else if (size === currentSize && current !== undefined) best[end] = [...current, ...extended].slice(0, 2);
}

/** The first part no reading gets past: where the text stops naming proposals. */
function unreadPart(best: readonly (Reading[] | undefined)[], parts: readonly string[]): string {
  let reached = 0;
  for (let index = 0; index < parts.length; index += 1) if (best[index] !== undefined) reached = index;
  return (parts[reached] ?? '').trim();
}

function titleOf(key: string, proposals: readonly Pick<Proposal, 'id' | 'title'>[]): string {
  return proposals.find((proposal) => titleKey(proposal.title) === key)?.title.trim() ?? key;
}

function sayReading(reading: Reading, proposals: readonly Pick<Proposal, 'id' | 'title'>[]): string {
  return quotedList(reading.titles.map((key) => titleOf(key, proposals)));
}
