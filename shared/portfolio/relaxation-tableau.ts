import { PIVOT_TOLERANCE, SimplexTableau } from './simplex-tableau';
import { tableauData, type SparseRow } from './tableau-data';

export type { SparseRow } from './tableau-data';
export type { BasisSnapshot, RelaxationStatus } from './simplex-tableau';

/** The Lagrangian bound of a relaxation and each column's reduced value under the same multipliers. */
export interface ProofBound {
  bound: number;
  reducedValues: Float64Array;
}

/**
 * The linear relaxation of a 0/1 program, max c·x subject to A x <= b and lower <= x <= upper,
 * kept as a dense simplex tableau (rows scaled, slacks added), so that a branch and bound can
 * change a bound and solve again from the last basis by the bounded dual simplex: every basis it
 * passes through stays dual feasible. It computes in floating point: its answers only guide the
 * search. The bounds the search relies on come from `proofBound`, which holds for any
 * nonnegative multipliers, so a rounding error in the tableau can weaken a bound, never break it.
 */
export class RelaxationTableau extends SimplexTableau {
  /** reused by each bound: the rows' multipliers */
  private readonly multiplierBuffer = new Float64Array(this.rowCount);

  /** The relaxation at the root: slacks basic, each column at the bound its value prefers (dual feasible). */
  static of(objective: readonly number[], rows: readonly SparseRow[], lower: readonly number[], upper: readonly number[]): RelaxationTableau {
    const data = tableauData(objective, rows);
    const n = objective.length;
    const m = rows.length;
    const basis = Int32Array.from({ length: m }, (_unused, row) => n + row);
    const rowOf = new Int32Array(n + m).fill(-1);
    basis.forEach((variable, row) => (rowOf[variable] = row));
    const lowerBounds = new Float64Array(n + m);
    const upperBounds = new Float64Array(n + m).fill(Number.POSITIVE_INFINITY);
    const atUpper = new Uint8Array(n + m);
    for (let column = 0; column < n; column += 1) {
      lowerBounds[column] = lower[column] ?? 0;
      upperBounds[column] = upper[column] ?? 1;
      atUpper[column] = (data.initialReduced[column] ?? 0) < 0 ? 1 : 0;
    }
    return new RelaxationTableau(data, data.initialTableau.slice(), data.initialReduced.slice(), basis, rowOf, lowerBounds, upperBounds, atUpper, new Float64Array(m));
  }


  /**
   * max c·x <= y·b + sum over columns of max(r_j l_j, r_j u_j), with r = c - yA, for any y >= 0
   * (weak duality); y are the multipliers of the current basis, so at an optimal basis this is the
   * relaxation's optimum, and otherwise still a bound.
   */
  proofBound(reducedValues: Float64Array = new Float64Array(this.columns)): ProofBound {
    const bound = this.lagrangianBound(this.multipliers(-1, 0), -1, 0, reducedValues);
    return { bound, reducedValues };
  }

  /**
   * A bound, as sure as `proofBound`, on the relaxation with a basic column fixed at 0 or 1: the
   * Lagrangian bound at the multipliers one dual pivot would reach (the Driebeck-Tomlin step),
   * both ways of the step tried, the lower kept (any nonnegative multipliers give a bound).
   */
  childBound(column: number, fixedAt: number): number {
    const row = this.rowOf[column] ?? -1;
    if (row < 0) return Number.POSITIVE_INFINITY;
    const ratios = this.firstRatios(row);
    const ratio = fixedAt === 1 ? ratios.toRaise : ratios.toLower;
    if (!Number.isFinite(ratio)) return Number.POSITIVE_INFINITY;
    const forward = this.lagrangianBound(this.multipliers(row, ratio), column, fixedAt, null);
    const backward = this.lagrangianBound(this.multipliers(row, -ratio), column, fixedAt, null);
    return Math.min(forward, backward);
  }

  /** The rows' multipliers in the data's units from the slacks' reduced costs, after a dual step of `step` along a row (none when row < 0); never negative. */
  private multipliers(row: number, step: number): Float64Array {
    const { rowScale, objectiveScale } = this.data;
    const multiplier = this.multiplierBuffer;
    const offset = row * this.width + this.columns;
    for (let index = 0; index < this.rowCount; index += 1) {
      const reduced = (this.reduced[this.columns + index] ?? 0) - (row < 0 ? 0 : step * (this.tableau[offset + index] ?? 0));
      multiplier[index] = Math.max(0, reduced) * objectiveScale * (rowScale[index] ?? 1);
    }
    return multiplier;
  }

  /** y·b + sum over columns of max(r_j l_j, r_j u_j), with one column's bounds taken as `fixedAt` when `fixedColumn` >= 0. */
  private lagrangianBound(multiplier: Float64Array, fixedColumn: number, fixedAt: number, reducedValues: Float64Array | null): number {
    const { objective, limits, columnStart, entryRow, entryAmount } = this.data;
    let bound = 0;
    for (let row = 0; row < this.rowCount; row += 1) bound += (multiplier[row] ?? 0) * (limits[row] ?? 0);
    for (let column = 0; column < this.columns; column += 1) {
      let value = objective[column] ?? 0;
      const end = columnStart[column + 1] ?? 0;
      for (let entry = columnStart[column] ?? 0; entry < end; entry += 1) value -= (multiplier[entryRow[entry] ?? 0] ?? 0) * (entryAmount[entry] ?? 0);
      if (reducedValues !== null) reducedValues[column] = value;
      const lower = column === fixedColumn ? fixedAt : (this.lower[column] ?? 0);
      const upper = column === fixedColumn ? fixedAt : (this.upper[column] ?? 0);
      bound += value > 0 ? value * upper : value * lower;
    }
    return bound;
  }


  /**
   * The Driebeck-Tomlin penalties of a basic column: how much the objective must drop at least
   * (in the objective's units) to push it down to 0 or up to 1, from the first dual pivot either
   * way (infinite when that branch is infeasible). Floating point: they only guide the branching.
   */
  branchPenalties(column: number): { down: number; up: number } {
    const row = this.rowOf[column] ?? -1;
    if (row < 0) return { down: 0, up: 0 };
    const value = this.basic[row] ?? 0;
    const { toRaise, toLower } = this.firstRatios(row);
    return { down: value * toLower * this.data.objectiveScale, up: (1 - value) * toRaise * this.data.objectiveScale };
  }

  /** The dual ratio test's least ratios for a leaving row that must rise or fall, in one pass over the row; infinite when nothing can move it that way. */
  private firstRatios(leaving: number): { toRaise: number; toLower: number } {
    const offset = leaving * this.width;
    let toRaise = Number.POSITIVE_INFINITY;
    let toLower = Number.POSITIVE_INFINITY;
    for (let variable = 0; variable < this.columns + this.rowCount; variable += 1) {
      if ((this.rowOf[variable] ?? -1) >= 0 || !this.isFree(variable)) continue;
      const entry = this.tableau[offset + variable] ?? 0;
      if (Math.abs(entry) < PIVOT_TOLERANCE) continue;
      const ratio = Math.abs(this.reduced[variable] ?? 0) / Math.abs(entry);
      // Raising a variable at its lower bound changes the leaving one by -entry; lowering one at its upper bound, by +entry.
      const raises = this.atUpper[variable] === 1 ? entry > 0 : entry < 0;
      if (raises && ratio < toRaise) toRaise = ratio;
      if (!raises && ratio < toLower) toLower = ratio;
    }
    return { toRaise, toLower };
  }

}
