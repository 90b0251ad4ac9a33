import { useState } from 'react';
import { FLOW_KINDS, FLOW_LABELS, RISK_RATINGS, type Portfolio, type Proposal } from '../../shared/domain/proposal';
import type { Department } from '../../shared/domain/workbook';
import { spreadsheetNpv } from '../../shared/finance/metrics';
import { formatAmount } from '../../shared/money/format-amount';
import { Decimal } from '../../shared/money/decimal';
import { netFlows, type ProposalMetrics } from '../../shared/portfolio/proposal-metrics';
import { usePortfolioStore } from '../state/portfolio-store';
import { DepartmentOptions } from '../components/DimensionOptions';
import { formatMetric, formatMoney, formatRate } from './format-metric';
import { PrerequisitePicker } from './PrerequisitePicker';

/** A text that is saved when it loses focus or on Enter, and put back on Escape. */
function CommitField({
  label,
  value,
  onCommit,
  onPasteBlock,
  className,
  align,
}: {
  label: string;
  value: string;
  onCommit: (text: string) => void;
  /** a block of cells pasted here (text with tabs or line breaks), as a spreadsheet puts it on the clipboard */
  onPasteBlock?: (text: string) => void;
  className?: string;
  align?: 'right';
}) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // A new value from the file replaces what is shown (after a save, an undo or another proposal).
  if (shown !== value) {
    setShown(value);
    setText(value);
  }
  return (
    <input
      aria-label={label}
      className={className}
      style={align === 'right' ? { textAlign: 'right' } : undefined}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onPaste={(event) => {
        const pasted = event.clipboardData.getData('text/plain');
        if (onPasteBlock === undefined || !/[\t\n]/.test(pasted.replace(/\r?\n$/, ''))) return;
        event.preventDefault();
        onPasteBlock(pasted);
      }}
      onBlur={() => text !== value && onCommit(text)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') (event.target as HTMLInputElement).blur();
        if (event.key === 'Escape') setText(value);
      }}
    />
  );
}

const plain = (value: Decimal) => formatAmount(value, { negatives: 'minus', zero: 'digits' });

/** One proposal: its fields, its cash-flow schedule by year, its scores and its metrics with their exact values. */
export function ProposalDetail({
  proposal,
  metrics,
  portfolio,
  departments,
  optimizerReason,
  onDelete,
}: {
  proposal: Proposal;
  metrics: ProposalMetrics;
  portfolio: Portfolio;
  departments: readonly Department[];
  /** why the optimizer's last portfolio has it in or out */
  optimizerReason: string | null;
  onDelete: () => void;
}) {
  const { update, setFlow, pasteFlows, setScore, askWhatIf, whatIf } = usePortfolioStore();
  const years = portfolio.settings.years;
  const firstYear = Number(portfolio.firstYearLabel.replace(/\D/g, '')) || 0;
  const yearLabel = (year: number) => (firstYear > 0 ? `FY${firstYear + year}` : `Year ${year + 1}`);
  const net = netFlows(proposal);
  const rate = new Decimal(portfolio.settings.discountRate);
  return (
    <aside className="proposal-detail" data-testid="proposal-detail" aria-label={`Proposal ${proposal.title}`}>
      <CommitField label="Title" className="detail-title" value={proposal.title} onCommit={(title) => void update(proposal.id, { title })} />
      <p className="hint">{proposal.description}</p>
      {optimizerReason !== null && (
        <div className="optimizer-reason" data-testid="optimizer-reason">
          Optimizer: {optimizerReason}
          {optimizerReason.startsWith('Out:') && !proposal.mandatory && proposal.forced !== 'out' && (
            <button type="button" className="link-button" onClick={() => void askWhatIf(proposal.id)} title="Solve again with this proposal forced in">
              What if it were in?
            </button>
          )}
          {whatIf?.proposalId === proposal.id && <p data-testid="what-if">{whatIf.text}</p>}
        </div>
      )}
      <div className="detail-fields">
        <label>
          Owner
          <CommitField label="Owner" value={proposal.owner} onCommit={(owner) => void update(proposal.id, { owner })} />
        </label>
        <label>
          Department
          <select value={proposal.departmentId ?? 0} onChange={(event) => void update(proposal.id, { departmentId: Number(event.target.value) || null })}>
            <option value={0}>(none)</option>
            <DepartmentOptions departments={departments} />
          </select>
        </label>
        <label>
          Category
          <CommitField label="Category" value={proposal.category} onCommit={(category) => void update(proposal.id, { category })} />
        </label>
        <label>
          Strategic goal
          <CommitField label="Strategic goal" value={proposal.goal} onCommit={(goal) => void update(proposal.id, { goal })} />
        </label>
        <label>
          Risk
          <select value={proposal.risk} onChange={(event) => void update(proposal.id, { risk: event.target.value as Proposal['risk'] })}>
            {RISK_RATINGS.map((risk) => (
              <option key={risk} value={risk}>{risk}</option>
            ))}
          </select>
        </label>
        <label>
          Useful life (years)
          <CommitField
            label="Useful life"
            value={proposal.usefulLife === null ? '' : String(proposal.usefulLife)}
            onCommit={(text) => void update(proposal.id, { usefulLife: text.trim() === '' ? null : Number(text) })}
          />
        </label>
        <PrerequisitePicker proposal={proposal} proposals={portfolio.proposals} onChange={(prerequisites) => void update(proposal.id, { prerequisites })} />
        <label>
          Alternatives group
          <CommitField label="Alternatives group" value={proposal.exclusiveGroup ?? ''} onCommit={(text) => void update(proposal.id, { exclusiveGroup: text.trim() === '' ? null : text.trim() })} />
        </label>
        <label className="choice">
          <input type="checkbox" checked={proposal.mandatory} onChange={(event) => void update(proposal.id, { mandatory: event.target.checked })} /> Mandatory
        </label>
        <label>
          Session call
          <select value={proposal.forced ?? ''} onChange={(event) => void update(proposal.id, { forced: event.target.value === '' ? null : (event.target.value as 'in' | 'out') })}>
            <option value="">Let the ranking decide</option>
            <option value="in">Always in</option>
            <option value="out">Always out</option>
          </select>
        </label>
      </div>
      <h3 className="dialog-section">Cash flows</h3>
      <table className="flow-table" data-testid="flow-table">
        <thead>
          <tr>
            <th />
            {Array.from({ length: years }, (_unused, year) => (
              <th key={year}>{yearLabel(year)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {FLOW_KINDS.map((kind) => (
            <tr key={kind}>
              <th>{FLOW_LABELS[kind]}</th>
              {proposal.flows[kind].map((amount, year) => (
                <td key={year}>
                  <CommitField
                    label={`${FLOW_LABELS[kind]} ${yearLabel(year)}`}
                    align="right"
                    value={amount === '0' ? '' : formatAmount(amount, { negatives: 'minus', zero: 'digits', trimDecimals: true })}
                    onCommit={(text) => void setFlow(proposal.id, kind, year, text)}
                    onPasteBlock={(text) => void pasteFlows(proposal.id, kind, year, text)}
                  />
                </td>
              ))}
            </tr>
          ))}
          <tr className="flow-net">
            <th>Net cash flow</th>
            {net.map((value, year) => (
              <td key={year} className={value.isNegative() ? 'amount-negative' : undefined} title={formatAmount(value)}>
                {formatMoney(value)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <h3 className="dialog-section">Scores (0–10)</h3>
      <div className="detail-scores">
        {portfolio.criteria.map((criterion) => (
          <label key={criterion.id}>
            {criterion.name}
            <CommitField label={`Score on ${criterion.name}`} align="right" value={proposal.scores[criterion.id] ?? ''} onCommit={(text) => void setScore(proposal.id, criterion.id, text)} />
          </label>
        ))}
      </div>
      <h3 className="dialog-section">Metrics at {formatRate(rate)}</h3>
      <dl className="metric-list" data-testid="metric-list">
        <dt>NPV</dt>
        <dd title={metrics.npv.toString()}>{plain(metrics.npv)}</dd>
        <dt>IRR</dt>
        <dd title={metrics.irr.ok ? metrics.irr.value.toString() : metrics.irr.reason}>{metrics.irr.ok ? formatRate(metrics.irr.value) : `none: ${metrics.irr.reason}`}</dd>
        <dt>MIRR</dt>
        <dd>{formatMetric(metrics.mirr, 'rate')}</dd>
        <dt>Payback</dt>
        <dd>{metrics.payback.ok ? formatMetric(metrics.payback, 'years') : metrics.payback.reason}</dd>
        <dt>Discounted payback</dt>
        <dd>{metrics.discountedPayback.ok ? formatMetric(metrics.discountedPayback, 'years') : metrics.discountedPayback.reason}</dd>
        <dt>Profitability index</dt>
        <dd>{formatMetric(metrics.profitabilityIndex, 'ratio')}</dd>
        <dt>ROI</dt>
        <dd>{formatMetric(metrics.roi, 'rate')}</dd>
      </dl>
      <button type="button" className="link-button danger-link" onClick={onDelete}>
        Delete this proposal…
      </button>
      <p className="hint npv-note">
        NPV counts {yearLabel(0)}&rsquo;s flow at time 0, undiscounted. A spreadsheet&rsquo;s NPV function discounts its first value too: =NPV({formatRate(rate)}, all flows) gives{' '}
        {plain(spreadsheetNpv(net, rate))}; to match Tandem write =first flow + NPV(rate, later flows). MIRR finances at {formatRate(new Decimal(portfolio.settings.financeRate))} and
        reinvests at {formatRate(new Decimal(portfolio.settings.reinvestRate))}.
      </p>
    </aside>
  );
}
