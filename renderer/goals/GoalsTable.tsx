import { Fragment, type ReactNode } from 'react';
import type { Goal } from '../../shared/domain/kpi';
import { KPI_STATUS_LABELS } from '../../shared/kpi/kpi-status';
import { KPI_STATUS_SHAPES } from '../../shared/kpi/kpi-status-mark';
import type { Decimal } from '../../shared/money/decimal';
import { formatAmount, type AmountFormat } from '../../shared/money/format-amount';
import { MEASURE_LABELS, type Figure, type GoalKpi, type GoalLine, type GoalMeasure, type GoalSummary, type GoalSummaryRow, type MoneyFigures } from './goal-summary';


export interface GoalsTableProps {
  summary: GoalSummary;
  format: AmountFormat;
  /** column headings: the plan year and the months closed so far */
  yearLabel: string;
  toDateLabel: string | null;
  /** the proposals' year 0, as the portfolio names it (FY2027) */
  capitalLabel: string;
  expanded: ReadonlySet<string>;
  onToggle(key: string): void;
  onShowLine(lineId: number): void;
  onShowProposals(): void;
  onEdit(goal: Goal): void;
  onDelete(goal: Goal): void;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

function Amount({ figure, format, strong }: { figure: Figure | Decimal | null; format: AmountFormat; strong?: boolean }) {
  if (figure === null) return <td className="amount-cell goal-none">–</td>;
  if ('ok' in figure && !figure.ok) {
    return (
      <td className="amount-cell cell-error" title={figure.error}>
        #ERROR
      </td>
    );
  }
  const value = 'ok' in figure ? figure.value : figure;
  const classes = ['amount-cell', ...(value.isNegative() ? ['amount-negative'] : []), ...(strong === true ? ['goal-strong'] : [])];
  return <td className={classes.join(' ')}>{formatAmount(value, format)}</td>;
}

/** The variance with F or U beside it (favourable, unfavourable), in words and colour. */
function Variance({ figures, format, measure }: { figures: MoneyFigures; format: AmountFormat; measure: string }) {
  const { variance, favourable } = figures;
  if (variance === null || !variance.ok) return <Amount figure={variance} format={format} />;
  const word = favourable === null ? '' : favourable ? 'F' : 'U';
  const why = favourable === null ? 'On budget' : `${favourable ? 'Favourable' : 'Unfavourable'}: ${measure === 'spend' ? (favourable ? 'less spent than budgeted' : 'more spent than budgeted') : favourable ? 'more revenue than budgeted' : 'less revenue than budgeted'}`;
  const tone = favourable === null ? '' : favourable ? ' variance-favourable' : ' variance-unfavourable';
  return (
    <td className={`amount-cell${tone}`} title={why}>
      {formatAmount(variance.value, format)}
      <span className="variance-word">{word}</span>
    </td>
  );
}

/** A KPI's status in words and by shape, never by colour alone. */
export function KpiStatusMark({ link }: { link: GoalKpi }) {
  if (link.status === null) {
    return (
      <span className="goal-status goal-status-none" title={link.why ?? undefined}>
        ○ No status
      </span>
    );
  }
  return (
    <span className={`goal-status goal-status-${link.status}`}>
      {KPI_STATUS_SHAPES[link.status]} {KPI_STATUS_LABELS[link.status]}
    </span>
  );
}

function KpiList({ kpis }: { kpis: readonly GoalKpi[] }) {
  if (kpis.length === 0) return <span className="goal-none">No KPI linked</span>;
  return (
    <ul className="goal-kpis">
      {kpis.map((link) => (
        <li key={link.kpi.id} title={link.why === null ? undefined : `${link.kpi.name}: ${link.why}`}>
          <KpiStatusMark link={link} />
          <span className="goal-kpi-name">{link.kpi.name}</span>
        </li>
      ))}
    </ul>
  );
}

function LineRows({ lines, format, measure, onShowLine }: { lines: readonly GoalLine[]; format: AmountFormat; measure: string; onShowLine(lineId: number): void }) {
  return (
    <>
      {lines.map((line) => (
        <tr key={line.lineId} className="goal-line-row" data-testid={`goal-line-${line.lineId}`}>
          <td className="goal-line-name">
            <button type="button" className="goal-link" onClick={() => onShowLine(line.lineId)} title={`Show “${line.description}” in the budget sheet`}>
              {line.description}
            </button>
            <span className="goal-line-where">
              {line.department} · {line.account}
            </span>
          </td>
          <Amount figure={line.budgetYear} format={format} />
          <Amount figure={line.budgetToDate} format={format} />
          <Amount figure={line.actualToDate} format={format} />
          <Variance figures={line} format={format} measure={measure} />
          <td colSpan={3} />
        </tr>
      ))}
    </>
  );
}

/** The lines toggle: how many lines the row adds up, and a note of tagged lines it leaves out. */
function LinesToggle({ row, open, measure, onToggle }: { row: GoalSummaryRow; open: boolean; measure: GoalMeasure; onToggle(): void }) {
  const others = row.otherLines > 0 ? ` · ${row.otherLines} more not counted as ${MEASURE_LABELS[measure].toLowerCase()}` : '';
  if (row.lines.length === 0) return <span className="goal-line-count">No line tagged{others}</span>;
  return (
    <button type="button" className="goal-toggle" aria-expanded={open} onClick={onToggle}>
      {open ? '▾' : '▸'} {plural(row.lines.length, 'line')}
      {others}
    </button>
  );
}

function ProposalsCell({ row, onShowProposals }: { row: GoalSummaryRow; onShowProposals(): void }) {
  const titles = row.funded.map((proposal) => proposal.title).join(', ');
  return (
    <td className="goal-count">
      {row.funded.length === 0 ? (
        <span className="goal-none">None funded</span>
      ) : (
        <button type="button" className="goal-link" onClick={onShowProposals} title={`Funded: ${titles}. Open the proposals.`}>
          {plural(row.funded.length, 'funded', 'funded')}
        </button>
      )}
      {row.unfunded > 0 && <span className="goal-line-count goal-unfunded">{plural(row.unfunded, 'other', 'others')} not funded</span>}
    </td>
  );
}

function GoalActions({ goal, onEdit, onDelete }: { goal: Goal; onEdit(goal: Goal): void; onDelete(goal: Goal): void }) {
  return (
    <span className="goal-actions">
      <button type="button" onClick={() => onEdit(goal)} aria-label={`Edit goal ${goal.name}`} title="Rename the goal or change what it means">
        Edit…
      </button>
      <button type="button" onClick={() => onDelete(goal)} aria-label={`Delete goal ${goal.name}`} title="Delete the goal (says first what uses it)">
        Delete…
      </button>
    </span>
  );
}

/** One goal's row, or the untagged row; its lines below it when open. */
function SummaryRows({ row, props, rowKey, children }: { row: GoalSummaryRow; props: GoalsTableProps; rowKey: string; children: ReactNode }) {
  const open = props.expanded.has(rowKey);
  const { format, summary } = props;
  return (
    <>
      <tr className={row.goal === null ? 'goal-row goal-untagged' : 'goal-row'} data-testid={`goal-row-${row.goal?.name ?? 'untagged'}`}>
        <td className="goal-name-cell">
          {children}
          <div className="goal-tools">
            <LinesToggle row={row} open={open} measure={summary.measure} onToggle={() => props.onToggle(rowKey)} />
            {row.goal !== null && <GoalActions goal={row.goal} onEdit={props.onEdit} onDelete={props.onDelete} />}
          </div>
        </td>
        <Amount figure={row.budgetYear} format={format} />
        <Amount figure={row.budgetToDate} format={format} />
        <Amount figure={row.actualToDate} format={format} />
        <Variance figures={row} format={format} measure={summary.measure} />
        <ProposalsCell row={row} onShowProposals={props.onShowProposals} />
        <Amount figure={row.capital} format={format} />
        <td className="goal-kpi-cell">{row.goal === null ? <span className="goal-none">–</span> : <KpiList kpis={row.kpis} />}</td>
      </tr>
      {open && <LineRows lines={row.lines} format={format} measure={summary.measure} onShowLine={props.onShowLine} />}
    </>
  );
}

/** Per goal: the money tagged to it, budget against actual to date, the funded proposals and their capital, the KPIs' status. */
export function GoalsTable(props: GoalsTableProps) {
  const { summary, format, yearLabel, toDateLabel } = props;
  const toDate = toDateLabel ?? 'to date';
  return (
    <table className="goals-table" data-testid="goals-table">
      <thead>
        <tr>
          <th scope="col">Goal</th>
          <th scope="col" className="amount-cell">
            Budget
            <span className="goal-span">{yearLabel}</span>
          </th>
          <th scope="col" className="amount-cell">
            Budget
            <span className="goal-span">{toDate}</span>
          </th>
          <th scope="col" className="amount-cell">
            Actual
            <span className="goal-span">{toDate}</span>
          </th>
          <th scope="col" className="amount-cell" title="Actual less budget over the closed months; F favourable, U unfavourable">
            Variance
            <span className="goal-span">actual − budget</span>
          </th>
          <th scope="col">Proposals</th>
          <th scope="col" className="amount-cell">
            Capital
            <span className="goal-span">funded, {props.capitalLabel}</span>
          </th>
          <th scope="col">
            KPIs
            <span className="goal-span">status year to date</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {summary.goals.map((row) =>
          row.goal === null ? null : (
            <Fragment key={row.goal.id}>
              <SummaryRows row={row} props={props} rowKey={String(row.goal.id)}>
                <div className="goal-name">{row.goal.name}</div>
                {row.goal.description !== '' && <div className="goal-description">{row.goal.description}</div>}
              </SummaryRows>
            </Fragment>
          ),
        )}
        <SummaryRows row={summary.untagged} props={props} rowKey="untagged">
          <div className="goal-name">Not tagged to a goal</div>
        </SummaryRows>
      </tbody>
      <tfoot>
        <tr className="goal-total-row" data-testid="goal-total-row">
          <th scope="row">Total, as in the sheet</th>
          <Amount figure={summary.total.budgetYear} format={format} />
          <Amount figure={summary.total.budgetToDate} format={format} />
          <Amount figure={summary.total.actualToDate} format={format} />
          <Variance figures={summary.total} format={format} measure={summary.measure} />
          <td className="goal-count">{plural(summary.total.funded, 'funded', 'funded')}</td>
          <Amount figure={summary.total.capital} format={format} />
          <td />
        </tr>
      </tfoot>
    </table>
  );
}
