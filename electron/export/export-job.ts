import { ApiError } from '../../shared/api/errors';

/** A long export or import: reports progress, gives the UI its turn, and stops when cancelled. */
export interface ExportJob {
  /** Reports how far the work is (0 to 1) and yields to the event loop; throws once the job was cancelled. */
  step(fraction: number, label: string): Promise<void>;
}

export const CANCELLED_MESSAGE = 'Cancelled: nothing was written.';

/** A job whose progress goes to `report` and which `isCancelled` can stop between steps. */
export function exportJob(report: (progress: { fraction: number; label: string }) => void, isCancelled: () => boolean): ExportJob {
  let lastReport = 0;
  return {
    async step(fraction, label) {
      // Yield so a cancel request (and other calls) can be handled between chunks.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (isCancelled()) throw new ApiError('cancelled', CANCELLED_MESSAGE);
      const now = Date.now();
      if (now - lastReport >= 100 || fraction >= 0.99) {
        lastReport = now;
        report({ fraction: Math.min(1, Math.max(0, fraction)), label });
      }
    },
  };
}

/** A job that nobody watches (tests, the command line). */
export const silentJob: ExportJob = exportJob(() => undefined, () => false);
