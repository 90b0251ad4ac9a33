import { create } from 'zustand';
import { compareVersions, type VersionComparison } from '../../shared/compare/compare-versions';
import type { VersionSummary } from '../../shared/domain/workbook';
import { api } from '../api/client';
import { enqueue } from './sheet-store';
import { readVersionViews } from './version-views';
import { showError } from './notice-store';
import type { VarianceComment } from '../../shared/api/compare-api';

/** What the compare view shows: two versions, a span, and the thresholds that pick out variances to explain. */
interface CompareState {
  baseId: number | null;
  comparisonId: number | null;
  comparison: VersionComparison | null;
  loading: boolean;
  /** why there is nothing to compare (the same version twice, a failed read), or null */
  problem: string | null;
  /** the span beside year to date and the full year: `m3` (a month) or `q0-2` (a quarter) */
  spanId: string | null;
  /** a variance needs an explanation from this amount and this percentage of the base on */
  thresholdAmount: string;
  thresholdPercent: string;
  onlyOverThresholds: boolean;
  /** the row the month-by-month chart shows (a line, group or total id), and whether the charts are shown */
  chartRowId: string;
  showCharts: boolean;
  /** comments explaining variances of this pair of versions */
  comments: VarianceComment[];
  /** the row whose variance the side panel explains, or null when it is closed */
  explainedRowId: string | null;
  addComment(rowKey: string, span: string, text: string): Promise<boolean>;
  deleteComment(commentId: number): Promise<boolean>;
  /** what was last read: `base:comparison@revision` */
  loadedKey: string | null;
  /** Reads both versions (after the writes on their way) and pairs them; again only when the choice or the workbook changed. */
  load(versions: readonly VersionSummary[], actualsThrough: number | null, revision: number): Promise<void>;
  choose(choice: Partial<Pick<CompareState, 'baseId' | 'comparisonId' | 'spanId' | 'thresholdAmount' | 'thresholdPercent' | 'onlyOverThresholds' | 'chartRowId' | 'showCharts' | 'explainedRowId'>>): void;
}

/** The comparison a newcomer expects: the budget against actuals (or the latest forecast), at the last closed month. */
function defaults(versions: readonly VersionSummary[]): { baseId: number | null; comparisonId: number | null } {
  const base = versions.find((version) => version.kind === 'budget') ?? versions[0];
  const comparison = versions.find((version) => version.kind === 'actuals' && version.id !== base?.id) ?? versions.find((version) => version.id !== base?.id);
  return { baseId: base?.id ?? null, comparisonId: comparison?.id ?? null };
}

/** The comments of the pair shown, read again after a change. */
async function refreshComments(): Promise<void> {
  const { baseId, comparisonId } = useCompareStore.getState();
  if (baseId === null || comparisonId === null) return;
  const { comments } = await api.call('compare/list-comments', { baseVersionId: baseId, comparisonVersionId: comparisonId });
  useCompareStore.setState({ comments });
}

export const useCompareStore = create<CompareState>((set, get) => ({
  baseId: null,
  comparisonId: null,
  comparison: null,
  loading: false,
  problem: null,
  spanId: null,
  thresholdAmount: '10000',
  thresholdPercent: '5',
  onlyOverThresholds: false,
  chartRowId: 'operating-income',
  showCharts: true,
  comments: [],
  explainedRowId: null,
  async addComment(rowKey, span, text) {
    const { baseId, comparisonId } = get();
    if (baseId === null || comparisonId === null) return false;
    try {
      await enqueue(() => api.call('compare/add-comment', { baseVersionId: baseId, comparisonVersionId: comparisonId, rowKey, span, text }));
      await refreshComments();
      return true;
    } catch (error) {
      showError(error, 'Variance comment');
      return false;
    }
  },
  async deleteComment(commentId) {
    try {
      await enqueue(() => api.call('compare/delete-comment', { commentId }));
      await refreshComments();
      return true;
    } catch (error) {
      showError(error, 'Variance comment');
      return false;
    }
  },
  loadedKey: null,
  async load(versions, actualsThrough, revision) {
    const known = (id: number | null) => id !== null && versions.some((version) => version.id === id);
    let { baseId, comparisonId } = get();
    if (!known(baseId) || !known(comparisonId)) ({ baseId, comparisonId } = defaults(versions));
    const spanId = get().spanId ?? `m${actualsThrough ?? 0}`;
    set({ baseId, comparisonId, spanId });
    if (baseId === null || comparisonId === null) {
      set({ comparison: null, problem: 'This workbook has one version: create another (Versions…) to compare with it.' });
      return;
    }
    if (baseId === comparisonId) {
      set({ comparison: null, problem: 'Base and comparison are the same version: pick two different versions to see a variance.' });
      return;
    }
    const key = `${baseId}:${comparisonId}@${revision}`;
    if (get().loadedKey === key && get().comparison !== null) return;
    set({ loading: true, problem: null, loadedKey: key });
    try {
      // The version the sheet shows is not read again, nor one read before that has not changed since.
      const [views, notes] = await enqueue(() =>
        Promise.all([readVersionViews([baseId, comparisonId], revision), api.call('compare/list-comments', { baseVersionId: baseId, comparisonVersionId: comparisonId })]),
      );
      // The choice may have moved on while the versions were read: keep only the latest.
      if (get().baseId !== baseId || get().comparisonId !== comparisonId) return;
      const base = views.get(baseId);
      const other = views.get(comparisonId);
      if (base === undefined || other === undefined) throw new Error('A compared version was not read.');
      set({ comparison: compareVersions(base, other), comments: notes.comments, loading: false });
    } catch (error) {
      set({ comparison: null, loading: false, loadedKey: null, problem: error instanceof Error ? error.message : String(error) });
    }
  },
  choose(choice) {
    set(choice);
  },
}));
