import { resolve } from 'node:path';
import { verifyFile } from './export/verify-file';

/**
 * `npm run verify -- FILE`: checks an exported XLSX or CSV against its approval stamp and
 * says whether it is the file that was approved. Exit code 0 when it is, 1 when not, 2 on misuse.
 */
export async function runVerify(args: readonly string[], print: (line: string) => void): Promise<number> {
  const file = args[0];
  if (file === undefined || args.length > 1) {
    print('Usage: npm run verify -- FILE   (an XLSX or CSV exported by Tandem from an approved version)');
    return 2;
  }
  const result = await verifyFile(resolve(file));
  if (result.ok) {
    print(`OK: ${file} is the approved “${result.stamp.version}” of “${result.stamp.workbook}”.`);
    print(`Approved by ${result.stamp.approvedBy} at ${result.stamp.approvedAt}; ${result.lines} lines; SHA-256 ${result.stamp.sha256}.`);
    return 0;
  }
  print(`NOT VERIFIED: ${file}`);
  print(result.reason);
  if (result.stamp !== null) print(`It claims “${result.stamp.version}”, approved by ${result.stamp.approvedBy} at ${result.stamp.approvedAt}.`);
  return 1;
}

if (require.main === module) {
  void runVerify(process.argv.slice(2), (line) => console.log(line)).then((code) => {
    process.exitCode = code;
  });
}
