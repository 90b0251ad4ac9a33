import { describe, expect, it } from 'vitest';
import { missingPrerequisites, prerequisiteCycle, prerequisiteSentence, quotedList } from '../../../../shared/domain/proposal-prerequisites';

describe('naming prerequisites', () => {
  it('joins titles as a sentence says them', () => {
    expect(quotedList([])).toBe('');
    expect(quotedList(['ERP upgrade'])).toBe('“ERP upgrade”');
    expect(quotedList(['ERP upgrade', 'Data warehouse'])).toBe('“ERP upgrade” and “Data warehouse”');
    expect(quotedList(['A', 'B', 'C'])).toBe('“A”, “B” and “C”');
  });

  it('names every prerequisite and which of them are missing', () => {
    expect(prerequisiteSentence(['ERP upgrade'], ['ERP upgrade'], 'out')).toBe('needs “ERP upgrade”, which is out');
    expect(prerequisiteSentence(['ERP upgrade', 'Data warehouse'], ['Data warehouse'], 'out')).toBe('needs “ERP upgrade” and “Data warehouse”; “Data warehouse” is out');
    expect(prerequisiteSentence(['ERP upgrade', 'Data warehouse'], ['ERP upgrade', 'Data warehouse'], 'out')).toBe('needs “ERP upgrade” and “Data warehouse”; “ERP upgrade” and “Data warehouse” are out');
  });

  it('finds the prerequisites not in a set, in the proposal’s order', () => {
    expect(missingPrerequisites({ prerequisites: [4, 2, 9] }, new Set([2]))).toEqual([4, 9]);
    expect(missingPrerequisites({ prerequisites: [] }, new Set())).toEqual([]);
  });
});

describe('prerequisite cycles', () => {
  const graph = (edges: Record<number, number[]>) => (id: number) => edges[id] ?? [];

  it('finds none when the prerequisites only lead away from the proposal', () => {
    // 1 needs 2 and 3; 3 needs 4; 5 needs 1: giving 1 the prerequisite 5 is fine only if 5 does not need 1.
    expect(prerequisiteCycle(1, [2, 3], graph({ 3: [4] }))).toBeNull();
    expect(prerequisiteCycle(5, [4], graph({ 1: [2, 3], 3: [4] }))).toBeNull();
  });

  it('names the cycle a new prerequisite closes, through the second prerequisite of another', () => {
    // 2 needs 3 and 4, 4 needs 1: 1 needing 2 closes 1 → 2 → 4 → 1.
    expect(prerequisiteCycle(1, [5, 2], graph({ 2: [3, 4], 4: [1] }))).toEqual([1, 2, 4, 1]);
  });

  it('follows a chain of 100,000 proposals without running out of stack', () => {
    const chain = (id: number) => (id < 100_000 ? [id + 1] : [0]);
    expect(prerequisiteCycle(0, [1], chain)).toHaveLength(100_002);
  });
});
