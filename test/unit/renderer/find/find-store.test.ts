import { beforeEach, describe, expect, it } from 'vitest';
import { filterActive, findCommandProvider, registerFindTarget, useFindStore, type FindHit } from '../../../../renderer/find/find-store';

const hits: FindHit[] = ['a', 'b', 'c'].map((row) => ({ key: row, rowId: row, column: 'description' }));
let revealed: string[] = [];
let focused = 0;
let withdraw: () => void = () => undefined;

beforeEach(() => {
  withdraw();
  revealed = [];
  focused = 0;
  useFindStore.setState({ open: false, scope: 'budget', query: '', matches: [], current: -1, filterOn: false });
  withdraw = registerFindTarget('budget', {
    search: (query) => hits.filter((hit) => query.includes(hit.rowId)),
    reveal: (hit) => revealed.push(hit.rowId),
    focusGrid: () => (focused += 1),
  });
});

describe('the find store', () => {
  it('searches as the query is typed and goes to the first match', () => {
    const find = useFindStore.getState();
    find.openFind('budget');
    find.setQuery('abc');
    expect(useFindStore.getState()).toMatchObject({ open: true, current: 0 });
    expect(useFindStore.getState().matches).toHaveLength(3);
    expect(revealed).toEqual(['a']);
  });

  it('steps through the matches both ways and wraps at the ends', () => {
    const find = useFindStore.getState();
    find.openFind('budget');
    find.setQuery('abc');
    find.findNext();
    find.findNext();
    find.findNext();
    expect(useFindStore.getState().current).toBe(0);
    find.findPrevious();
    expect(useFindStore.getState().current).toBe(2);
    expect(revealed).toEqual(['a', 'b', 'c', 'a', 'c']);
  });

  it('finds nothing for a query without matches, and next then goes nowhere', () => {
    const find = useFindStore.getState();
    find.openFind('budget');
    find.setQuery('xyz');
    find.findNext();
    expect(useFindStore.getState()).toMatchObject({ current: -1, matches: [] });
    expect(revealed).toEqual([]);
  });

  it('F3 with nothing to look for opens the bar', () => {
    useFindStore.getState().findNext('budget');
    expect(useFindStore.getState().open).toBe(true);
  });

  it('the filter is active only with a query, in its scope; closing turns it off and gives the keyboard back', () => {
    const find = useFindStore.getState();
    find.toggleFilter('budget');
    expect(useFindStore.getState()).toMatchObject({ open: true, filterOn: true });
    expect(filterActive(useFindStore.getState(), 'budget')).toBe(false);
    find.setQuery('b');
    expect(filterActive(useFindStore.getState(), 'budget')).toBe(true);
    expect(filterActive(useFindStore.getState(), 'proposals')).toBe(false);
    find.closeFind();
    expect(useFindStore.getState()).toMatchObject({ open: false, filterOn: false });
    expect(focused).toBe(1);
  });

  it('a refresh keeps the current match when it is still there', () => {
    const find = useFindStore.getState();
    find.openFind('budget');
    find.setQuery('abc');
    find.findNext();
    find.refresh('budget');
    expect(useFindStore.getState().current).toBe(1);
  });

  it('opening find in the other scope starts afresh', () => {
    const find = useFindStore.getState();
    find.openFind('budget');
    find.setQuery('abc');
    find.openFind('proposals');
    expect(useFindStore.getState()).toMatchObject({ scope: 'proposals', query: '', current: -1 });
  });

  it('tells the command layer why find cannot run on a page', () => {
    expect(findCommandProvider.unavailable('budget')).toBeNull();
    expect(findCommandProvider.unavailable('proposals')).toBe('There are no proposals to search yet');
    expect(findCommandProvider.unavailable('dashboard')).toBe('Find works in the budget sheet and the proposals');
  });
});
