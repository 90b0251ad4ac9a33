import type { TableauData } from './tableau-data';

/** A basis kept for later (see `SimplexTableau.snapshot`). */
export interface BasisSnapshot {
  basis: Int32Array;
  /** rowCount x rowCount, row-major */
  inverse: Float64Array;
  atUpper: Uint8Array;
  pivots: number;
}

export type RelaxationStatus = 'optimal' | 'infeasible' | 'iteration-limit';

const PRIMAL_TOLERANCE = 1e-9;
export const PIVOT_TOLERANCE = 1e-9;

/** Pivots between two fresh factorisations: the running updates drift, so the basis is factored again from the data this often. */
const PIVOTS_PER_FACTORISATION = 150;

/**
 * The bounded dual simplex on a dense tableau (rows scaled, slacks added) of max c·x subject to
 * A x <= b and lower <= x <= upper: bounds changed, solved again from the last basis or a kept
 * one. `RelaxationTableau` adds the bounds a branch and bound proves with.
 */
export class SimplexTableau {
  protected readonly columns: number;
  protected readonly rowCount: number;
  protected readonly width: number;
  private pivotsSinceFactorisation = 0;
  /** the pivot row's nonzero positions, reused by each pivot */
  private readonly nonzeros: Int32Array;
  private nonzeroCount = 0;

  protected constructor(
    protected readonly data: TableauData,
    /** rowCount x width: B^-1 [A I] and, in the last column, B^-1 b */
    protected readonly tableau: Float64Array,
    /** per variable (columns, then slacks), the reduced cost of the minimisation form */
    protected readonly reduced: Float64Array,
    protected readonly basis: Int32Array,
    protected readonly rowOf: Int32Array,
    protected readonly lower: Float64Array,
    protected readonly upper: Float64Array,
    protected readonly atUpper: Uint8Array,
    protected readonly basic: Float64Array,
  ) {
    this.columns = data.objective.length;
    this.rowCount = data.rows.length;
    this.width = this.columns + this.rowCount + 1;
    this.nonzeros = new Int32Array(this.width);
  }

  /**
   * Puts every column in the bounds of a branch (-1 free, 0 or 1 fixed there). Any basis of this
   * tableau stays dual feasible under any bounds (each column is boxed; a nonbasic one goes to the
   * bound its reduced cost prefers), so a branch can be solved from whatever basis the last one
   * left, or from one kept by `snapshot`.
   */
  applyFixings(fixings: Int8Array): void {
    for (let column = 0; column < this.columns; column += 1) {
      const fixed = fixings[column] ?? -1;
      this.setBounds(column, fixed < 0 ? 0 : fixed, fixed < 0 ? 1 : fixed);
    }
  }

  isFree(column: number): boolean {
    return (this.lower[column] ?? 0) < (this.upper[column] ?? 0);
  }

  /** Fixes or frees a column; the basis stays dual feasible, so `solve` goes on from it. */
  setBounds(column: number, lower: number, upper: number): void {
    this.lower[column] = lower;
    this.upper[column] = upper;
    if ((this.rowOf[column] ?? -1) < 0) this.atUpper[column] = lower === upper ? (upper > 0 ? 1 : 0) : (this.reduced[column] ?? 0) < 0 ? 1 : 0;
  }

  /** The bounded dual simplex from the current basis. */
  solve(maxIterations: number): RelaxationStatus {
    if (this.pivotsSinceFactorisation >= PIVOTS_PER_FACTORISATION) this.factorise();
    this.computeBasicValues();
    for (let iteration = 0; iteration < maxIterations; iteration += 1) {
      const leaving = this.mostInfeasibleRow();
      if (leaving < 0) return 'optimal';
      const variable = this.basis[leaving] as number;
      const below = (this.basic[leaving] ?? 0) < (this.lower[variable] ?? 0);
      const entering = this.enteringColumn(leaving, below);
      if (entering < 0) return 'infeasible';
      this.moveBasicValues(leaving, entering, below ? (this.lower[variable] ?? 0) : (this.upper[variable] ?? 0));
      this.pivot(leaving, entering);
      this.pivotsSinceFactorisation += 1;
      this.atUpper[variable] = below ? 0 : 1;
      // Now and then from scratch, so that the running updates do not drift.
      if (iteration % 50 === 49) this.computeBasicValues();
    }
    this.computeBasicValues();
    return 'iteration-limit';
  }

  /** The current basis, to solve a branch from later: which variable is basic in each row, the basis inverse, the nonbasic ones at their upper bound. Written into `reuse` when given (one no longer needed). */
  snapshot(reuse: BasisSnapshot | null = null): BasisSnapshot {
    const { rowCount, width, columns, tableau } = this;
    const kept = reuse ?? { basis: new Int32Array(rowCount), inverse: new Float64Array(rowCount * rowCount), atUpper: new Uint8Array(this.atUpper.length), pivots: 0 };
    for (let row = 0; row < rowCount; row += 1) {
      const offset = row * width + columns;
      for (let slack = 0; slack < rowCount; slack += 1) kept.inverse[row * rowCount + slack] = tableau[offset + slack] ?? 0;
    }
    kept.basis.set(this.basis);
    kept.atUpper.set(this.atUpper);
    kept.pivots = this.pivotsSinceFactorisation;
    return kept;
  }

  /**
   * Goes back to a basis taken by `snapshot`: the tableau is the basis inverse times the data's
   * rows (sparse: about as much work as three pivots, where solving a distant branch from the
   * last basis took some seventeen), the reduced costs from it. Bounds stay as they are.
   */
  restore(snapshot: BasisSnapshot): void {
    const { rowCount, width, tableau } = this;
    const { initialTableau, initialReduced, rowStart, rowIndex } = this.data;
    tableau.fill(0);
    for (let row = 0; row < rowCount; row += 1) {
      const offset = row * width;
      for (let source = 0; source < rowCount; source += 1) {
        const factor = snapshot.inverse[row * rowCount + source] ?? 0;
        if (factor === 0) continue;
        const end = rowStart[source + 1] ?? 0;
        for (let entry = rowStart[source] ?? 0; entry < end; entry += 1) {
          const index = rowIndex[entry] ?? 0;
          tableau[offset + index] = (tableau[offset + index] ?? 0) + factor * (initialTableau[source * width + index] ?? 0);
        }
      }
    }
    this.basis.set(snapshot.basis);
    this.rowOf.fill(-1);
    this.basis.forEach((variable, row) => (this.rowOf[variable] = row));
    this.atUpper.set(snapshot.atUpper);
    this.reduceCosts(initialReduced);
    this.pivotsSinceFactorisation = snapshot.pivots;
  }

  /** The reduced costs of the current basis from the slack basis's: each basic variable's cost taken out along its row. */
  private reduceCosts(initialReduced: Float64Array): void {
    const { width, tableau } = this;
    this.reduced.set(initialReduced);
    for (let row = 0; row < this.rowCount; row += 1) {
      const cost = initialReduced[this.basis[row] as number] ?? 0;
      if (cost === 0) continue;
      for (let variable = 0; variable < width - 1; variable += 1) this.reduced[variable] = (this.reduced[variable] ?? 0) - cost * (tableau[row * width + variable] ?? 0);
    }
    for (const variable of this.basis) this.reduced[variable] = 0;
  }

  /**
   * The tableau and reduced costs of the current basis computed again from the data (Gauss-Jordan
   * on [A I b], largest pivot first); back to the slack basis, which always exists, when the basis
   * has become numerically singular.
   */
  factorise(): void {
    const { width, tableau } = this;
    const { initialTableau, initialReduced } = this.data;
    const wanted = Array.from(this.basis);
    tableau.set(initialTableau);
    this.rowOf.fill(-1);
    const placed = new Uint8Array(this.rowCount);
    for (const variable of wanted) {
      let row = -1;
      let largest = 1e-7;
      for (let candidate = 0; candidate < this.rowCount; candidate += 1) {
        const entry = Math.abs(tableau[candidate * width + variable] ?? 0);
        if (placed[candidate] === 0 && entry > largest) {
          largest = entry;
          row = candidate;
        }
      }
      if (row < 0) return this.resetToSlackBasis();
      this.eliminate(row, variable);
      placed[row] = 1;
      this.basis[row] = variable;
      this.rowOf[variable] = row;
    }
    this.reduceCosts(initialReduced);
    this.pivotsSinceFactorisation = 0;
  }

  private resetToSlackBasis(): void {
    this.tableau.set(this.data.initialTableau);
    this.reduced.set(this.data.initialReduced);
    this.rowOf.fill(-1);
    for (let row = 0; row < this.rowCount; row += 1) {
      this.basis[row] = this.columns + row;
      this.rowOf[this.columns + row] = row;
    }
    for (let column = 0; column < this.columns; column += 1) this.setBounds(column, this.lower[column] ?? 0, this.upper[column] ?? 1);
    this.pivotsSinceFactorisation = 0;
  }

  /** The primal step of a pivot: the entering variable moves until the leaving one reaches `target`. */
  private moveBasicValues(leaving: number, entering: number, target: number): void {
    const { width } = this;
    const step = ((this.basic[leaving] ?? 0) - target) / (this.tableau[leaving * width + entering] ?? 1);
    const enteringValue = this.valueOf(entering) + step;
    for (let row = 0; row < this.rowCount; row += 1) {
      const entry = this.tableau[row * width + entering] ?? 0;
      if (entry !== 0) this.basic[row] = (this.basic[row] ?? 0) - entry * step;
    }
    this.basic[leaving] = enteringValue;
  }

  /** Column values of the last solve (0..1 for the program's columns), written into `into` when given. */
  values(into: Float64Array = new Float64Array(this.columns)): Float64Array {
    const values = into;
    for (let column = 0; column < this.columns; column += 1) values[column] = this.valueOf(column);
    return values;
  }


  protected valueOf(variable: number): number {
    const row = this.rowOf[variable] ?? -1;
    if (row >= 0) return this.basic[row] ?? 0;
    return this.atUpper[variable] === 1 ? (this.upper[variable] ?? 0) : (this.lower[variable] ?? 0);
  }

  /** basic = B^-1 b - B^-1 N x_N, from the nonbasic values that are not zero. */
  private computeBasicValues(): void {
    const { width } = this;
    for (let row = 0; row < this.rowCount; row += 1) this.basic[row] = this.tableau[row * width + width - 1] ?? 0;
    for (let variable = 0; variable < this.columns + this.rowCount; variable += 1) {
      if ((this.rowOf[variable] ?? -1) >= 0) continue;
      const value = this.valueOf(variable);
      if (value === 0) continue;
      for (let row = 0; row < this.rowCount; row += 1) {
        const entry = this.tableau[row * width + variable] ?? 0;
        if (entry !== 0) this.basic[row] = (this.basic[row] ?? 0) - entry * value;
      }
    }
  }

  private mostInfeasibleRow(): number {
    let leaving = -1;
    let worst = PRIMAL_TOLERANCE;
    for (let row = 0; row < this.rowCount; row += 1) {
      const variable = this.basis[row] as number;
      const value = this.basic[row] ?? 0;
      const excess = Math.max((this.lower[variable] ?? 0) - value, value - (this.upper[variable] ?? 0));
      if (excess > worst) {
        worst = excess;
        leaving = row;
      }
    }
    return leaving;
  }


  /** The dual ratio test: the nonbasic variable that moves the leaving one towards its bound at the least loss of dual feasibility. */
  private enteringColumn(leaving: number, below: boolean): number {
    const offset = leaving * this.width;
    let entering = -1;
    let bestRatio = Number.POSITIVE_INFINITY;
    let bestPivot = 0;
    for (let variable = 0; variable < this.columns + this.rowCount; variable += 1) {
      if ((this.rowOf[variable] ?? -1) >= 0 || !this.isFree(variable)) continue;
      const entry = this.tableau[offset + variable] ?? 0;
      if (Math.abs(entry) < PIVOT_TOLERANCE) continue;
      // Raising a variable at its lower bound changes the leaving one by -entry; lowering one at its upper bound, by +entry.
      const raises = this.atUpper[variable] === 1 ? entry > 0 : entry < 0;
      if (raises !== below) continue;
      const ratio = Math.abs(this.reduced[variable] ?? 0) / Math.abs(entry);
      if (ratio < bestRatio - 1e-12 || (ratio <= bestRatio + 1e-12 && Math.abs(entry) > bestPivot)) {
        bestRatio = ratio;
        bestPivot = Math.abs(entry);
        entering = variable;
      }
    }
    return entering;
  }

  private pivot(leaving: number, entering: number): void {
    this.eliminate(leaving, entering);
    const offset = leaving * this.width;
    const cost = this.reduced[entering] ?? 0;
    if (cost !== 0) {
      for (let k = 0; k < this.nonzeroCount; k += 1) {
        const variable = this.nonzeros[k] ?? 0;
        if (variable < this.width - 1) this.reduced[variable] = (this.reduced[variable] ?? 0) - cost * (this.tableau[offset + variable] ?? 0);
      }
    }
    this.reduced[entering] = 0;
    const left = this.basis[leaving] as number;
    this.rowOf[left] = -1;
    this.basis[leaving] = entering;
    this.rowOf[entering] = leaving;
  }

  /** Gauss-Jordan on one entry: its row divided by it, its column cleared in every other row (over the row's nonzeros only: the tableau is sparse). */
  private eliminate(pivotRow: number, column: number): void {
    const { width, tableau, nonzeros } = this;
    const offset = pivotRow * width;
    const pivot = tableau[offset + column] ?? 1;
    let count = 0;
    for (let index = 0; index < width; index += 1) {
      const entry = tableau[offset + index] ?? 0;
      if (entry === 0) continue;
      tableau[offset + index] = entry / pivot;
      nonzeros[count] = index;
      count += 1;
    }
    this.nonzeroCount = count;
    for (let row = 0; row < this.rowCount; row += 1) {
      if (row === pivotRow) continue;
      const rowOffset = row * width;
      const factor = tableau[rowOffset + column] ?? 0;
      if (factor === 0) continue;
      for (let k = 0; k < count; k += 1) {
        const index = nonzeros[k] ?? 0;
        tableau[rowOffset + index] = (tableau[rowOffset + index] ?? 0) - factor * (tableau[offset + index] ?? 0);
      }
      tableau[rowOffset + column] = 0;
    }
  }

}
