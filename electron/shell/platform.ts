import type { Platform } from '../../shared/commands/shortcut';

/** The command table's platform for Node's `process.platform` (anything not macOS or Windows draws as Linux). */
export function platformOf(nodePlatform: string): Platform {
  if (nodePlatform === 'darwin') return 'mac';
  if (nodePlatform === 'win32') return 'windows';
  return 'linux';
}
