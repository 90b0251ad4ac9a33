import type { FormulaNode } from './ast';

/**
 * A hand-written reader of the formula grammar (parse-formula.ts), for the formulas that are
 * well formed: opening a 10,000-line sheet parses some 700 of them, and Chevrotain's general
 * machinery took about a third of the formula engine's time there, in code not yet compiled
 * (issue 14). It reads the same tokens, first pattern first, as Chevrotain's lexer, and the same
 * grammar, and builds the same tree; it gives up (null) at the first thing it does not expect,
 * and the Chevrotain parser then reads the formula again to say what is wrong and where. A
 * property test holds the two to the same trees and the same refusals.
 */

type TokenKind = 'number' | 'bracket' | 'identifier' | '+' | '-' | '*' | '/' | '%' | '<=' | '>=' | '<>' | '<' | '>' | '=' | '(' | ')' | ',';

interface Token {
  kind: TokenKind;
  image: string;
}

const WHITE_SPACE = /\s/;
const SINGLE: Record<string, TokenKind> = { '+': '+', '-': '-', '*': '*', '/': '/', '%': '%', '=': '=', '(': '(', ')': ')', ',': ',' };

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/** The end of the digits starting at `from`. */
function digitsEnd(source: string, from: number): number {
  let at = from;
  while (at < source.length && isDigit(source.charCodeAt(at))) at += 1;
  return at;
}

/** The tokens of `source` as Chevrotain's lexer makes them (white space skipped), or null where it would stop. */
function tokenize(source: string): Token[] | null {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source.charAt(at);
    const code = source.charCodeAt(at);
    let end: number;
    let kind: TokenKind;
    if (WHITE_SPACE.test(char)) {
      at += 1;
      continue;
    } else if (isDigit(code) || (code === 46 /* . */ && isDigit(source.charCodeAt(at + 1)))) {
      // \d+(?:\.\d+)? or \.\d+
      end = digitsEnd(source, code === 46 ? at + 1 : at);
      if (code !== 46 && source.charCodeAt(end) === 46 && isDigit(source.charCodeAt(end + 1))) end = digitsEnd(source, end + 1);
      kind = 'number';
    } else if (char === '[') {
      // \[[^\]\n]+\]
      end = at + 1;
      while (end < source.length && source.charAt(end) !== ']' && source.charAt(end) !== '\n') end += 1;
      if (end === at + 1 || source.charAt(end) !== ']') return null;
      end += 1;
      kind = 'bracket';
    } else if (isLetter(code)) {
      end = at + 1;
      while (end < source.length && (isLetter(source.charCodeAt(end)) || isDigit(source.charCodeAt(end)))) end += 1;
      kind = 'identifier';
    } else if (char === '<' || char === '>') {
      const next = source.charAt(at + 1);
      const pair = char + next;
      kind = pair === '<=' || pair === '>=' || pair === '<>' ? pair : char;
      end = at + kind.length;
    } else {
      const single = SINGLE[char];
      if (single === undefined) return null;
      kind = single;
      end = at + 1;
    }
    tokens.push({ kind, image: source.slice(at, end) });
    at = end;
  }
  return tokens;
}

const COMPARE: ReadonlySet<TokenKind> = new Set(['<=', '>=', '<>', '<', '>', '=']);

/** Thrown where the grammar does not go on: the caller falls back to Chevrotain. */
class NotQuick extends Error {}

class QuickParser {
  private at = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): FormulaNode | null {
    try {
      const node = this.formula();
      return this.at === this.tokens.length ? node : null;
    } catch (error) {
      if (error instanceof NotQuick) return null;
      throw error;
    }
  }

  private peek(): TokenKind | undefined {
    return this.tokens[this.at]?.kind;
  }

  private take(kind: TokenKind): Token {
    const token = this.tokens[this.at];
    if (token === undefined || token.kind !== kind) throw new NotQuick();
    this.at += 1;
    return token;
  }

  private formula(): FormulaNode {
    const left = this.additive();
    const operator = this.peek();
    if (operator === undefined || !COMPARE.has(operator)) return left;
    this.at += 1;
    const right = this.additive();
    return { kind: 'compare', operator: operator as Extract<FormulaNode, { kind: 'compare' }>['operator'], left, right };
  }

  private additive(): FormulaNode {
    let result = this.multiplicative();
    for (let operator = this.peek(); operator === '+' || operator === '-'; operator = this.peek()) {
      this.at += 1;
      const right = this.multiplicative();
      result = { kind: 'binary', operator, left: result, right };
    }
    return result;
  }

  private multiplicative(): FormulaNode {
    let result = this.unary();
    for (let operator = this.peek(); operator === '*' || operator === '/'; operator = this.peek()) {
      this.at += 1;
      const right = this.unary();
      result = { kind: 'binary', operator, left: result, right };
    }
    return result;
  }

  private unary(): FormulaNode {
    const next = this.peek();
    if (next === '-') {
      this.at += 1;
      return { kind: 'negate', operand: this.unary() };
    }
    if (next === '+') {
      this.at += 1;
      return this.unary();
    }
    const operand = this.primary();
    if (this.peek() !== '%') return operand;
    this.at += 1;
    return { kind: 'percent', operand };
  }

  private primary(): FormulaNode {
    const token = this.tokens[this.at];
    if (token === undefined) throw new NotQuick();
    switch (token.kind) {
      case 'number':
        this.at += 1;
        return { kind: 'number', text: token.image };
      case 'bracket':
        this.at += 1;
        return { kind: 'reference', name: token.image.slice(1, -1).trim() };
      case 'identifier':
        this.at += 1;
        return this.peek() === '(' ? this.call(token.image) : { kind: 'reference', name: token.image };
      case '(': {
        this.at += 1;
        const inner = this.formula();
        this.take(')');
        return inner;
      }
      default:
        throw new NotQuick();
    }
  }

  private call(name: string): FormulaNode {
    this.take('(');
    const args: FormulaNode[] = [];
    if (this.peek() !== ')') {
      args.push(this.formula());
      while (this.peek() === ',') {
        this.at += 1;
        args.push(this.formula());
      }
    }
    this.take(')');
    return { kind: 'call', name: name.toLowerCase(), args };
  }
}

/** The tree of a well-formed formula (its source without the leading `=`), or null: read it with Chevrotain for the reason. */
export function quickParse(source: string): FormulaNode | null {
  const tokens = tokenize(source);
  return tokens === null ? null : new QuickParser(tokens).parse();
}
