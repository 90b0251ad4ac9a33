import type { Host, Platform } from '../../shared/commands/shortcut';

/** The platform the renderer runs on, for Cmd-or-Ctrl and how shortcuts are written. */
export function currentPlatform(): Platform {
  // Outside a browser (the stores' unit tests) the keys are written as on Linux.
  if (typeof window === 'undefined') return 'linux';
  const fromShell = window.tandem?.shell?.platform;
  if (fromShell !== undefined) return fromShell;
  const agent = `${navigator.platform} ${navigator.userAgent}`;
  if (/Mac|iPhone|iPad/.test(agent)) return 'mac';
  if (/Win/.test(agent)) return 'windows';
  return 'linux';
}

export function currentHost(): Host {
  if (typeof window === 'undefined') return 'browser';
  return window.tandem === undefined ? 'browser' : 'electron';
}
