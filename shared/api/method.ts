import type { z } from 'zod';
import { guardedText } from './fields';
import './messages';

/**
 * One API method: the schema its input must pass on the back, and (as a phantom type) the
 * result it answers with. Declared with `method<Result>()(inputSchema)`.
 */
export interface Method<Input extends z.ZodType, Result> {
  /** the method's schema behind the contract's guard on text (no control characters, no lone surrogates, anywhere) */
  readonly input: z.ZodType<z.output<Input>, z.input<Input>>;
  /** never set: carries the method's own schema type */
  readonly schema?: Input;
  /** never set: carries the result type for the client and the handlers */
  readonly result?: Result;
}

export function method<Result>() {
  return <Input extends z.ZodType>(input: Input): Method<Input, Result> => ({ input: guardedText(input) });
}

export type MethodMap = Record<string, Method<z.ZodType, unknown>>;

export type InputOf<M> = M extends Method<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<M> = M extends Method<infer I, unknown> ? z.output<I> : never;
export type ResultOf<M> = M extends Method<z.ZodType, infer R> ? R : never;

/** The back's implementation of a method map: one handler per method, nothing more. */
export type HandlersOf<Methods extends MethodMap, Context> = {
  [Name in keyof Methods]: (input: ParsedInputOf<Methods[Name]>, context: Context) => ResultOf<Methods[Name]> | Promise<ResultOf<Methods[Name]>>;
};
