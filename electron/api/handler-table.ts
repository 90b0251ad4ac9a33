import type { z } from 'zod';
import { apiMethods } from '../../shared/api/contract';
import { ApiError, type ApiResponse } from '../../shared/api/errors';
import type { HandlersOf, MethodMap } from '../../shared/api/method';
import { approvalMethods } from '../../shared/api/approval-api';
import { dimensionMethods } from '../../shared/api/dimension-api';
import { exportMethods } from '../../shared/api/export-api';
import { importMethods } from '../../shared/api/import-api';
import { packageMethods } from '../../shared/api/package-api';
import { proposalMethods } from '../../shared/api/proposal-api';
import { sheetMethods } from '../../shared/api/sheet-api';
import { versionMethods } from '../../shared/api/version-api';
import { compareMethods } from '../../shared/api/compare-api';
import { kpiMethods } from '../../shared/api/kpi-api';
import { workbookMethods } from '../../shared/api/workbook-api';
import type { HandlerContext } from './handler-context';
import { QUICK_CHECKS } from './quick-checks';
import { approvalHandlers } from './approval-handlers';
import { dimensionHandlers } from './dimension-handlers';
import { exportHandlers } from './export-handlers';
import { importHandlers } from './import-handlers';
import { packageHandlers } from './package-handlers';
import { proposalHandlers } from './proposal-handlers';
import { sheetHandlers } from './sheet-handlers';
import { versionHandlers } from './version-handlers';
import { compareHandlers } from './compare-handlers';
import { kpiHandlers } from './kpi-handlers';
import { workbookHandlers } from './workbook-handlers';

type AnyHandler = (input: unknown, context: HandlerContext) => unknown;

interface TableEntry {
  schema: z.ZodType;
  handler: AnyHandler;
}

/** A domain's contribution to the table: its methods and their handlers. */
export interface HandlerDomain<Methods extends MethodMap> {
  methods: Methods;
  handlers: HandlersOf<Methods, HandlerContext>;
}

export type HandlerTable = ReadonlyMap<string, TableEntry>;

/**
 * Joins the domains into one table. Refuses a method registered twice, a handler without a
 * method in the contract, and a contract method without a handler.
 */
export function buildHandlerTable(domains: readonly HandlerDomain<MethodMap>[], contract: MethodMap = apiMethods): HandlerTable {
  const table = new Map<string, TableEntry>();
  for (const domain of domains) {
    for (const [name, handler] of Object.entries(domain.handlers)) {
      if (table.has(name)) throw new Error(`API method "${name}" is registered twice.`);
      const spec = domain.methods[name];
      if (spec === undefined || contract[name] === undefined) throw new Error(`Handler "${name}" has no method in the API contract.`);
      table.set(name, { schema: spec.input, handler: handler as AnyHandler });
    }
  }
  for (const name of Object.keys(contract)) {
    if (!table.has(name)) throw new Error(`API method "${name}" has no handler.`);
  }
  return table;
}

/** Checks a domain's handlers against its own methods, then widens it for the table. */
export function defineDomain<Methods extends MethodMap>(methods: Methods, handlers: HandlersOf<Methods, HandlerContext>): HandlerDomain<MethodMap> {
  return { methods, handlers: handlers as unknown as HandlersOf<MethodMap, HandlerContext> };
}

export const DOMAINS: readonly HandlerDomain<MethodMap>[] = [
  defineDomain(workbookMethods, workbookHandlers),
  defineDomain(sheetMethods, sheetHandlers),
  defineDomain(dimensionMethods, dimensionHandlers),
  defineDomain(proposalMethods, proposalHandlers),
  defineDomain(approvalMethods, approvalHandlers),
  defineDomain(exportMethods, exportHandlers),
  defineDomain(importMethods, importHandlers),
  defineDomain(packageMethods, packageHandlers),
  defineDomain(versionMethods, versionHandlers),
  defineDomain(compareMethods, compareHandlers),
  defineDomain(kpiMethods, kpiHandlers),
];

/** Validates the input, runs the handler, and turns every failure into an error the UI can show. */
export async function dispatch(table: HandlerTable, context: HandlerContext, method: unknown, input: unknown): Promise<ApiResponse<unknown>> {
  try {
    if (typeof method !== 'string') throw new ApiError('unknown-method', 'The call names no API method.');
    const entry = table.get(method);
    if (entry === undefined) throw new ApiError('unknown-method', `There is no API method "${method}".`, method);
    // A large input the quick check vouches for skips the schema's walk; all others, refusals included, go through it.
    const quick = QUICK_CHECKS.get(method)?.(input) ?? null;
    return { ok: true, value: await entry.handler(quick ?? checkedInput(entry.schema, method, input), context) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toData() };
    const refusal = context.session.writeRefusalOf(error);
    if (refusal !== null) return { ok: false, error: refusal.toData() };
    console.error(`Tandem: ${String(method)} failed`, error);
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: `Something went wrong in ${String(method)}: ${reason}` } };
  }
}

/** The input as the method's schema parses it; refused with the first problem the schema finds, named by its place. */
function checkedInput(schema: z.ZodType, method: string, input: unknown): unknown {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? 'input' : issue.path.map(String).join('.');
  throw new ApiError('invalid-input', `Invalid input for ${method} at ${where}: ${issue?.message ?? 'wrong shape'}.`, where);
}
