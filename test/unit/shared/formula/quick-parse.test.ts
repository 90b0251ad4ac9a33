import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseByGrammar } from '../../../../shared/formula/parse-formula';
import { quickParse } from '../../../../shared/formula/quick-parse';

/** What the quick reader gives, in the shape parseByGrammar gives it: a tree, or that it refuses. */
function quick(source: string) {
  return quickParse(source) ?? 'refused';
}

/** Chevrotain's reading, with any reason it gives reduced to "refused". */
function grammar(source: string) {
  const parsed = parseByGrammar(source);
  return typeof parsed === 'string' ? 'refused' : parsed;
}

const space = fc.constantFrom('', '', ' ', '  ', '\t', '\u00a0', '\n');
const name = fc.constantFrom('Revenue', 'headcount', 'Rate_2', '_x', 'IF', 'Prev', 'a1b2');
const bracketName = fc.constantFrom('[Sales engineers (4 FTE)]', '[ Travel ]', '[OEM modules · cost centre 2]', '[a[b]', '[%]');
const number = fc.constantFrom('0', '12', '1.5', '.25', '8500', '007', '3.14159');

/** Well-formed formulas, most of them: built from the grammar, with white space anywhere. */
const formula: fc.Arbitrary<string> = fc.letrec<{ formula: string; term: string }>((tie) => ({
  term: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    number,
    name,
    bracketName,
    fc.tuple(tie('term'), space, fc.constantFrom('%')).map((parts) => parts.join('')),
    fc.tuple(fc.constantFrom('-', '+'), space, tie('term')).map((parts) => parts.join('')),
    fc.tuple(fc.constantFrom('(', '( '), tie('formula'), fc.constantFrom(')', ' )')).map((parts) => parts.join('')),
    fc.tuple(name, space, fc.array(tie('formula'), { maxLength: 3 })).map(([callee, gap, args]) => `${callee}${gap}(${args.join(', ')})`),
  ),
  formula: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('term'),
    fc.tuple(tie('term'), space, fc.constantFrom('+', '-', '*', '/', '=', '<>', '<', '<=', '>', '>='), space, tie('term')).map((parts) => parts.join('')),
    fc.tuple(tie('term'), fc.constantFrom('+', '*'), tie('term'), fc.constantFrom('-', '/'), tie('term')).map((parts) => parts.join('')),
  ),
})).formula;

/** Any text made of the grammar's characters and a few others: mostly not formulas. */
const soup = fc.array(fc.constantFrom('1', '2', '.', 'a', 'Z', '_', '[', ']', '(', ')', ',', '+', '-', '*', '/', '%', '<', '>', '=', ' ', '\n', '\u2028', '$', 'é', '·'), { maxLength: 14 }).map((chars) => chars.join(''));

describe('the quick formula reader', () => {
  it('builds the very tree Chevrotain builds from every well-formed formula', () => {
    fc.assert(
      fc.property(formula, (source) => {
        expect(quick(source)).toEqual(grammar(source));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses exactly what Chevrotain refuses, and reads alike what it reads', () => {
    fc.assert(
      fc.property(fc.oneof(soup, formula.map((text) => text.slice(0, -1)), fc.tuple(formula, soup).map(([a, b]) => a + b)), (source) => {
        expect(quick(source)).toEqual(grammar(source));
      }),
      { numRuns: 5000 },
    );
  });

  it.each(['1 < 2 < 3', 'f(1,)', 'f(,1)', '5%%', '[]', '[a\nb]', '1.', '(1', 'a b', '1 2', '--', ''])('refuses %j, as Chevrotain does', (source) => {
    expect(quickParse(source)).toBeNull();
    expect(grammar(source)).toBe('refused');
  });

  it('reads the sheet formulas of the sample company', () => {
    expect(quickParse('[OEM modules · cost centre 2] * 1.5%')).toEqual({
      kind: 'binary',
      operator: '*',
      left: { kind: 'reference', name: 'OEM modules · cost centre 2' },
      right: { kind: 'percent', operand: { kind: 'number', text: '1.5' } },
    });
    expect(quickParse('IF(period() = 1, 1000, Prev() * 1.02)')).toEqual(grammar('IF(period() = 1, 1000, Prev() * 1.02)'));
  });
});
