import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ELECTRON_FUSES, fusesInBuilderConfig } from '../../../../electron/shell/fuses';

const builderConfig = readFileSync(join(__dirname, '..', '..', '..', '..', 'electron-builder.yml'), 'utf8');

describe('the Electron fuses', () => {
  it('electron-builder.yml flips exactly the fuses of electron/shell/fuses.ts', () => {
    expect(fusesInBuilderConfig(builderConfig)).toEqual(ELECTRON_FUSES);
  });

  it('turn off run-as-node, NODE_OPTIONS and inspect arguments, and turn on cookie encryption, ASAR integrity and ASAR-only loading', () => {
    expect(ELECTRON_FUSES).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('the reader sees a changed value, refuses what it cannot read, and stops at the next section', () => {
    expect(fusesInBuilderConfig(builderConfig.replace('runAsNode: false', 'runAsNode: true')).runAsNode).toBe(true);
    expect(() => fusesInBuilderConfig('appId: x\n')).toThrow(/no top-level electronFuses/);
    expect(() => fusesInBuilderConfig('electronFuses:\n  runAsNode: no\n')).toThrow(/cannot read/);
    expect(() => fusesInBuilderConfig('electronFuses:\n  runAsNode: false\n  runAsNode: true\n')).toThrow(/twice/);
    expect(fusesInBuilderConfig('electronFuses:\n  # off\n  runAsNode: false # never\n\nmac:\n  target: dmg\n')).toEqual({ runAsNode: false });
  });
});
