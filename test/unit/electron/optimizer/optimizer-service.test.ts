import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OptimizerService } from '../../../../electron/optimizer/optimizer-service';
import { frontier, optimizePortfolio } from '../../../../electron/optimizer/portfolio-optimizer';
import { FRONTIER_GAP } from '../../../../shared/portfolio/frontier-precision';
import { Decimal } from '../../../../shared/money/decimal';
import { hardPortfolio } from '../../../bench/hard-portfolio';

// The worker threads run the bundled solver worker, as the app does: bundled here from the sources,
// into a folder under node_modules so that the worker finds HiGHS as the bundled back does.
let folder = '';
let racing: OptimizerService;
const single = new OptimizerService(null);

beforeAll(() => {
  folder = mkdtempSync(join(process.cwd(), 'node_modules', '.tandem-solver-worker-'));
  const script = join(folder, 'solver-worker.js');
  buildSync({ entryPoints: ['electron/optimizer/solver-worker.ts'], outfile: script, bundle: true, platform: 'node', format: 'cjs', external: ['highs'], logLevel: 'warning' });
  racing = new OptimizerService(script, 2);
});

afterAll(() => {
  racing.shutDown();
  rmSync(folder, { recursive: true, force: true });
});

describe('the optimizer service with two racing workers', () => {
  it('proves the same optimum as one solver in the calling thread', async () => {
    for (const seed of [1, 2]) {
      const { input } = hardPortfolio(40, seed);
      const raced = await optimizePortfolio(racing, input, { timeLimitSeconds: 60, relativeGap: 0 });
      const alone = await optimizePortfolio(single, input, { timeLimitSeconds: 60, relativeGap: 0 });
      expect(raced.ok && raced.choice.status).toBe('optimal');
      expect(raced.ok && raced.choice.objective).toBe(alone.ok && alone.choice.objective);
    }
    expect(racing.workerCount).toBe(2);
  });

  it('stops both workers on cancel and answers the best portfolio so far, checked exactly', async () => {
    // A proof of 2,000 proposals takes tens of seconds (the bench's 2,000 proven row): cancelled well before.
    const { input } = hardPortfolio(2000, 1);
    const cancelSoon = setTimeout(() => racing.cancel(), 1500);
    const outcome = await optimizePortfolio(racing, input, { timeLimitSeconds: 120, relativeGap: 0 });
    clearTimeout(cancelSoon);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.choice.status).toBe('interrupted');
    expect(outcome.choice.chosen.length).toBeGreaterThan(0);
    // The service is free again: a second solve is taken, not refused as busy.
    const again = await optimizePortfolio(racing, hardPortfolio(20, 1).input, { timeLimitSeconds: 60, relativeGap: 0 });
    expect(again.ok && again.choice.status).toBe('optimal');
  });

  it('solves the frontier’s points in both workers, each within the frontier’s gap of its bound, and both ways agree within it', async () => {
    const { input } = hardPortfolio(60, 3);
    const scales = ['0.4', '0.8', '1.2', '1.6'].map((scale) => new Decimal(scale));
    const shared = await frontier(racing, input, scales);
    const alone = await frontier(single, input, scales);
    expect(shared.map((point) => point.scale)).toEqual(scales.map(String));
    shared.forEach((point, index) => {
      const objective = new Decimal(point.objective ?? 'NaN');
      const bound = new Decimal(point.bound ?? 'NaN');
      expect(bound.minus(objective).lte(objective.abs().times(FRONTIER_GAP))).toBe(true);
      // Each answer is within the gap of its own bound, and each bound covers the other's answer.
      expect(new Decimal(alone[index]?.objective ?? 'NaN').lte(bound)).toBe(true);
      expect(objective.lte(new Decimal(alone[index]?.bound ?? 'NaN'))).toBe(true);
    });
  });
});
