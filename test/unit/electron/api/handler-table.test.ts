import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { method } from '../../../../shared/api/method';
import { buildHandlerTable, defineDomain, DOMAINS } from '../../../../electron/api/handler-table';

const pingMethods = { 'test/ping': method<string>()(z.object({}).strict()) };

describe('the handler table', () => {
  it('registers every method of the contract exactly once', () => {
    expect(() => buildHandlerTable(DOMAINS)).not.toThrow();
  });

  it('refuses a method registered twice', () => {
    const ping = defineDomain(pingMethods, { 'test/ping': () => 'pong' });
    expect(() => buildHandlerTable([ping, ping], pingMethods)).toThrow('API method "test/ping" is registered twice.');
  });

  it('refuses a contract method without a handler', () => {
    expect(() => buildHandlerTable([], pingMethods)).toThrow('API method "test/ping" has no handler.');
  });

  it('refuses a handler that is not in the contract', () => {
    const ping = defineDomain(pingMethods, { 'test/ping': () => 'pong' });
    expect(() => buildHandlerTable([ping], {})).toThrow('Handler "test/ping" has no method in the API contract.');
  });
});
