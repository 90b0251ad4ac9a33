import { createToken, EmbeddedActionsParser, Lexer, type IToken, type TokenType } from 'chevrotain';
import { FUNCTIONS, type FormulaNode, type FunctionTable } from './ast';
import { quickParse } from './quick-parse';

const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });
const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /\d+(?:\.\d+)?|\.\d+/ });
/** A line named in brackets, for names with spaces or punctuation: [Sensor kits — Europe]. */
const BracketName = createToken({ name: 'BracketName', pattern: /\[[^\]\n]+\]/ });
const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/ });
const Plus = createToken({ name: 'Plus', pattern: /\+/ });
const Minus = createToken({ name: 'Minus', pattern: /-/ });
const Times = createToken({ name: 'Times', pattern: /\*/ });
const Divide = createToken({ name: 'Divide', pattern: /\// });
const Percent = createToken({ name: 'Percent', pattern: /%/ });
const LessEqual = createToken({ name: 'LessEqual', pattern: /<=/ });
const GreaterEqual = createToken({ name: 'GreaterEqual', pattern: />=/ });
const NotEqual = createToken({ name: 'NotEqual', pattern: /<>/ });
const Less = createToken({ name: 'Less', pattern: /</ });
const Greater = createToken({ name: 'Greater', pattern: />/ });
const Equal = createToken({ name: 'Equal', pattern: /=/ });
const LeftParen = createToken({ name: 'LeftParen', pattern: /\(/ });
const RightParen = createToken({ name: 'RightParen', pattern: /\)/ });
const Comma = createToken({ name: 'Comma', pattern: /,/ });

const TOKENS: TokenType[] = [
  WhiteSpace,
  NumberLiteral,
  BracketName,
  Identifier,
  Plus,
  Minus,
  Times,
  Divide,
  Percent,
  LessEqual,
  GreaterEqual,
  NotEqual,
  Less,
  Greater,
  Equal,
  LeftParen,
  RightParen,
  Comma,
];


type CompareOperator = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** The grammar: comparison > additive > multiplicative > unary > postfix (%) > primary. */
class FormulaParser extends EmbeddedActionsParser {
  constructor(checked: boolean) {
    super(TOKENS, { recoveryEnabled: false, skipValidations: !checked });
    this.performSelfAnalysis();
  }

  readonly formula = this.RULE('formula', (): FormulaNode => {
    const left = this.SUBRULE(this.additive);
    let result = left;
    this.OPTION(() => {
      const operator = this.OR([
        { ALT: () => this.CONSUME(LessEqual) },
        { ALT: () => this.CONSUME(GreaterEqual) },
        { ALT: () => this.CONSUME(NotEqual) },
        { ALT: () => this.CONSUME(Less) },
        { ALT: () => this.CONSUME(Greater) },
        { ALT: () => this.CONSUME(Equal) },
      ]);
      const right = this.SUBRULE2(this.additive);
      result = { kind: 'compare', operator: operator.image as CompareOperator, left, right };
    });
    return result;
  });

  private readonly additive = this.RULE('additive', (): FormulaNode => {
    let result = this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      const operator = this.OR([{ ALT: () => this.CONSUME(Plus) }, { ALT: () => this.CONSUME(Minus) }]);
      const right = this.SUBRULE2(this.multiplicative);
      result = { kind: 'binary', operator: operator.image as '+' | '-', left: result, right };
    });
    return result;
  });

  private readonly multiplicative = this.RULE('multiplicative', (): FormulaNode => {
    let result = this.SUBRULE(this.unary);
    this.MANY(() => {
      const operator = this.OR([{ ALT: () => this.CONSUME(Times) }, { ALT: () => this.CONSUME(Divide) }]);
      const right = this.SUBRULE2(this.unary);
      result = { kind: 'binary', operator: operator.image as '*' | '/', left: result, right };
    });
    return result;
  });

  private readonly unary = this.RULE('unary', (): FormulaNode =>
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Minus);
          return { kind: 'negate', operand: this.SUBRULE(this.unary) } as FormulaNode;
        },
      },
      {
        ALT: () => {
          this.CONSUME(Plus);
          return this.SUBRULE2(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.postfix) },
    ]),
  );

  private readonly postfix = this.RULE('postfix', (): FormulaNode => {
    let result = this.SUBRULE(this.primary);
    this.OPTION(() => {
      this.CONSUME(Percent);
      result = { kind: 'percent', operand: result };
    });
    return result;
  });

  private readonly primary = this.RULE('primary', (): FormulaNode =>
    this.OR([
      { ALT: () => ({ kind: 'number', text: this.CONSUME(NumberLiteral).image }) as FormulaNode },
      { ALT: () => ({ kind: 'reference', name: this.CONSUME(BracketName).image.slice(1, -1).trim() }) as FormulaNode },
      { ALT: () => this.SUBRULE(this.callOrName) },
      {
        ALT: () => {
          this.CONSUME(LeftParen);
          const inner = this.SUBRULE(this.formula);
          this.CONSUME(RightParen);
          return inner;
        },
      },
    ]),
  );

  private readonly callOrName = this.RULE('callOrName', (): FormulaNode => {
    const name = this.CONSUME(Identifier).image;
    const args: FormulaNode[] = [];
    let isCall = false;
    this.OPTION(() => {
      this.CONSUME(LeftParen);
      isCall = true;
      this.MANY_SEP({ SEP: Comma, DEF: () => args.push(this.SUBRULE(this.formula)) });
      this.CONSUME(RightParen);
    });
    return isCall ? { kind: 'call', name: name.toLowerCase(), args } : { kind: 'reference', name };
  });
}

// Building the lexer and the parser (Chevrotain's grammar analysis) takes tens of milliseconds:
// done on first use, which is the first formula the quick reader refuses (often never at open).
let grammar: { lexer: Lexer; parser: FormulaParser } | null = null;

/** The formula grammar, built on first use. */
function formulaGrammar(): { lexer: Lexer; parser: FormulaParser } {
  grammar ??= buildFormulaGrammar(false);
  return grammar;
}

/**
 * The lexer and the parser. `checked` runs Chevrotain's checks of the grammar itself (ambiguous
 * alternatives, left recursion, token patterns): the tests build it so; the app skips them, as
 * Chevrotain advises for production, since they took most of the grammar's 100 ms at open.
 */
export function buildFormulaGrammar(checked: boolean): { lexer: Lexer; parser: FormulaParser } {
  return { lexer: new Lexer(TOKENS, { positionTracking: 'onlyOffset', skipValidations: !checked, ensureOptimizations: checked }), parser: new FormulaParser(checked) };
}

export type ParsedFormula = { ok: true; ast: FormulaNode } | { ok: false; message: string };

/**
 * Parses a formula (a leading `=` is allowed, as in a spreadsheet) in the language of a line
 * formula, or with another table of functions (a KPI's definition). Errors say what and where.
 */
export function parseFormula(text: string, functions: FunctionTable = FUNCTIONS): ParsedFormula {
  const source = text.trim().replace(/^=/, '');
  if (source.trim() === '') return { ok: false, message: 'The formula is empty.' };
  // Well-formed formulas are read by the quick reader; the rest by Chevrotain, which says what is wrong.
  const parsed = quickParse(source) ?? parseByGrammar(source);
  if (typeof parsed === 'string') return { ok: false, message: parsed };
  const problem = checkCalls(parsed, functions);
  return problem === null ? { ok: true, ast: parsed } : { ok: false, message: problem };
}

/** The tree Chevrotain's parser reads from `source` (a formula without its `=`), or why it cannot. */
export function parseByGrammar(source: string): FormulaNode | string {
  const { lexer, parser } = formulaGrammar();
  const lexed = lexer.tokenize(source);
  const badCharacter = lexed.errors[0];
  if (badCharacter !== undefined) return `Unexpected “${source.charAt(badCharacter.offset)}” at character ${badCharacter.offset + 1}.`;
  parser.input = lexed.tokens;
  const ast = parser.formula();
  const error = parser.errors[0];
  return error === undefined ? ast : describeSyntaxError(error.token, source);
}

function describeSyntaxError(token: IToken, source: string): string {
  if (token.tokenType === undefined || token.image === '' || Number.isNaN(token.startOffset)) return 'The formula ends too early: something is missing at the end.';
  return `Unexpected “${token.image}” at character ${token.startOffset + 1} of “${source}”.`;
}

function checkCalls(node: FormulaNode, functions: FunctionTable): string | null {
  switch (node.kind) {
    case 'number':
    case 'reference':
      return null;
    case 'percent':
    case 'negate':
      return checkCalls(node.operand, functions);
    case 'binary':
    case 'compare':
      return checkCalls(node.left, functions) ?? checkCalls(node.right, functions);
    case 'call': {
      const spec = functions[node.name];
      if (spec === undefined) return `There is no function “${node.name}”. Functions: ${Object.keys(functions).join(', ')}.`;
      if (node.args.length < spec.min || node.args.length > spec.max) return `${node.name} takes ${spec.min === spec.max ? spec.min : `${spec.min} to ${spec.max}`} argument${spec.max === 1 ? '' : 's'}: ${spec.help}.`;
      const nameArgument = spec.nameArgument ?? (node.name === 'prev' ? 0 : undefined);
      if (nameArgument !== undefined && node.args[nameArgument] !== undefined && node.args[nameArgument].kind !== 'reference') return `${node.name}(…) takes the name of ${spec.names ?? 'a line'}: ${spec.help}.`;
      for (const arg of node.args) {
        const problem = checkCalls(arg, functions);
        if (problem !== null) return problem;
      }
      return null;
    }
  }
}
