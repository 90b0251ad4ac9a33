/**
 * The Electron fuses the packaged app is built with: bits flipped in the Electron binary by
 * electron-builder (the `electronFuses` section of electron-builder.yml) before it is signed,
 * so that the operating system's signature check keeps them as they are. Kept here as data so
 * a unit test holds electron-builder.yml to it.
 */
export const ELECTRON_FUSES = {
  /** ELECTRON_RUN_AS_NODE is ignored: the binary cannot be used as a plain Node to run other code */
  runAsNode: false,
  /** NODE_OPTIONS is ignored (no --require of someone else's script) */
  enableNodeOptionsEnvironmentVariable: false,
  /** --inspect and its kin are ignored: no debugger attached to the main process */
  enableNodeCliInspectArguments: false,
  /** the cookie store is encrypted with the OS's keys */
  enableCookieEncryption: true,
  /** app.asar is checked against the hash embedded at packaging (macOS, Windows) */
  enableEmbeddedAsarIntegrityValidation: true,
  /** the app loads only from app.asar, never from a loose folder put next to it */
  onlyLoadAppFromAsar: true,
  /** the renderer is served from app://, so file:// keeps no extra privileges */
  grantFileProtocolExtraPrivileges: false,
} as const;

export type FuseName = keyof typeof ELECTRON_FUSES;

/**
 * The `electronFuses` section of electron-builder.yml as name → boolean. A minimal reader for
 * the one shape that section has (a top-level key, then indented `name: true|false` lines, with
 * comments); anything else in it is an error, so the test cannot pass on a file it misread.
 */
export function fusesInBuilderConfig(yaml: string): Record<string, boolean> {
  const lines = yaml.split(/\r?\n/);
  const start = lines.findIndex((line) => /^electronFuses:\s*(#.*)?$/.test(line));
  if (start < 0) throw new Error('electron-builder.yml has no top-level electronFuses section.');
  const fuses: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    if (!/^\s/.test(line)) break;
    const match = /^\s+([A-Za-z][A-Za-z0-9]*):\s*(true|false)\s*(#.*)?$/.exec(line);
    if (match === null) throw new Error(`electronFuses: cannot read "${line.trim()}" (expected "name: true" or "name: false").`);
    const [, name = '', value] = match;
    if (Object.hasOwn(fuses, name)) throw new Error(`electronFuses: ${name} is set twice.`);
    fuses[name] = value === 'true';
  }
  return fuses;
}
