import { HELP_HOSTS } from '../../shared/commands/command-table';

/**
 * Whether Tandem may hand a URL to the system browser (shell.openExternal): https only, to the
 * help pages' hosts only, on the default port, without credentials. Anything else (another
 * https site, http, file:, custom schemes that start programs) is refused.
 */
export function isAllowedExternal(url: string, hosts: readonly string[] = HELP_HOSTS): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') return false;
  return hosts.includes(parsed.hostname.toLowerCase());
}
