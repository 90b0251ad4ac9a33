import { useEffect, useState } from 'react';
import type { Proposal } from '../../shared/domain/proposal';
import { Decimal } from '../../shared/money/decimal';
import { spanLabel, type FundingAccount, type FundingOptions, type FundingPlacement, type MonthSpan } from '../../shared/portfolio/funding-placement';
import { api } from '../api/client';
import { FormDialog } from '../components/Dialog';
import { formatMoney } from './format-metric';

type Kind = 'capital' | 'operating';

const FIELDS = {
  capital: { account: 'capitalAccountId', months: 'capitalMonths', flow: 'capex', legend: 'Capital costs' },
  operating: { account: 'operatingAccountId', months: 'operatingMonths', flow: 'opex', legend: 'Operating costs' },
} as const;

/** A span with one end moved; the other end follows so that the span never runs backwards. */
function moved(span: MonthSpan, end: 'from' | 'to', month: number): MonthSpan {
  return end === 'from' ? { from: month, to: Math.max(month, span.to) } : { from: Math.min(month, span.from), to: month };
}

/** The proposals' costs of one kind: in their first year, and over all years. */
function costsOf(proposals: readonly Proposal[], flow: 'capex' | 'opex'): { firstYear: Decimal; total: Decimal } {
  let firstYear = new Decimal(0);
  let total = new Decimal(0);
  for (const proposal of proposals) {
    firstYear = firstYear.plus(proposal.flows[flow][0] ?? '0');
    total = proposal.flows[flow].reduce((sum, amount) => sum.plus(amount), total);
  }
  return { firstYear, total };
}

/** One kind of cost: its account and the months of each year it is spread over, with what that means for the first year. */
function PlacementFields({ kind, proposals, options, placement, onChange }: { kind: Kind; proposals: readonly Proposal[]; options: FundingOptions; placement: FundingPlacement; onChange: (next: FundingPlacement) => void }) {
  const field = FIELDS[kind];
  const accounts: FundingAccount[] = kind === 'capital' ? options.capitalAccounts : options.operatingAccounts;
  const span = placement[field.months];
  const { firstYear, total } = costsOf(proposals, field.flow);
  const months = span.to - span.from + 1;
  const setSpan = (end: 'from' | 'to', month: number) => onChange({ ...placement, [field.months]: moved(span, end, month) });
  return (
    <fieldset className="choice-group fund-placement" data-testid={`fund-${kind}`}>
      <legend>{field.legend}</legend>
      <div className="inline-fields">
        <label>
          Account
          <select aria-label={`${field.legend}: account`} value={placement[field.account] ?? ''} onChange={(event) => onChange({ ...placement, [field.account]: Number(event.target.value) })} disabled={accounts.length === 0}>
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.label}
              </option>
            ))}
          </select>
        </label>
        {(['from', 'to'] as const).map((end) => (
          <label key={end}>
            {end === 'from' ? 'From' : 'To'}
            <select aria-label={`${field.legend}: ${end === 'from' ? 'first' : 'last'} month`} value={span[end]} onChange={(event) => setSpan(end, Number(event.target.value))}>
              {options.monthNames.map((name, month) => (
                <option key={month} value={month}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <p className="hint" data-testid={`fund-${kind}-preview`}>
        {total.isZero()
          ? 'None in its cash flows.'
          : accounts.length === 0
            ? `The chart has no ${kind} account to take them: add one under Departments and accounts.`
            : `Each year in ${spanLabel(span, options.monthNames)}${months > 1 ? ', spread evenly' : ''}: year 1 is ${formatMoney(firstYear)}${months > 1 && !firstYear.isZero() ? ` (about ${formatMoney(firstYear.div(months))} a month)` : ''}.`}
      </p>
    </fieldset>
  );
}

/** What the dialog says of where the costs go, for one proposal or for several funded together. */
function whereHint(options: FundingOptions, proposals: readonly Proposal[]): string {
  const [first] = proposals;
  if (proposals.length === 1 || first === undefined) {
    return options.remembered
      ? `Its costs become lines of ${options.department}, where they went when it was last funded: change what has changed.`
      : `Its costs become lines of ${options.department}. Tandem proposes the chart's first capital and operating accounts, each year spread over all its months: choose where they belong. The choice is remembered with the proposal.`;
  }
  const proposed = options.remembered ? `where “${first.title}” went when it was last funded` : "the chart's first capital and operating accounts, each year spread over all its months";
  return `Their costs become lines of each one's department. Tandem proposes ${proposed}: choose where they belong. One choice for all ${proposals.length}, remembered with each.`;
}

/**
 * Funding asks where the costs go in the budget: the capital and operating accounts and the months
 * of each year, as they went the last time (remembered with the proposal; for several, the first
 * one's) or, the first time, the first accounts of the chart over whole years; and the reason, for
 * the decisions log. Several proposals (the optimizer's choice) take one choice for all.
 */
export function FundDialog({ proposals, onFund, onClose }: { proposals: readonly Proposal[]; onFund: (reason: string, placement: FundingPlacement) => void; onClose: () => void }) {
  const [first] = proposals;
  const firstId = first?.id;
  const [options, setOptions] = useState<FundingOptions | null>(null);
  const [placement, setPlacement] = useState<FundingPlacement | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  useEffect(() => {
    let current = true;
    if (firstId === undefined) return;
    api.call('proposal/funding-options', { proposalId: firstId }).then(
      (answer) => {
        if (!current) return;
        setOptions(answer);
        setPlacement(answer.placement);
      },
      (error: unknown) => current && setFailure(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      current = false;
    };
  }, [firstId]);
  const ready = placement !== null && reason.trim() !== '';
  const several = proposals.length > 1;
  return (
    <FormDialog
      title={several ? `Fund the ${proposals.length} proposals the optimizer chose` : `Fund “${first?.title ?? ''}”`}
      testId="decision-dialog"
      submitLabel={several ? 'Fund them' : 'Fund'}
      ready={ready}
      onClose={onClose}
      onSubmit={() => placement !== null && onFund(reason.trim(), placement)}
    >
      {failure !== null && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      {options === null || placement === null ? (
        failure === null && <p className="hint">Reading where its costs can go…</p>
      ) : (
        <>
          <p className="hint" data-testid="fund-where">
            {whereHint(options, proposals)}
          </p>
          <PlacementFields kind="capital" proposals={proposals} options={options} placement={placement} onChange={setPlacement} />
          <PlacementFields kind="operating" proposals={proposals} options={options} placement={placement} onChange={setPlacement} />
        </>
      )}
      <label>
        Reason (for the decisions log)
        <input value={reason} onChange={(event) => setReason(event.target.value)} placeholder="e.g. Best NPV per dollar; pays back in under three years" />
      </label>
    </FormDialog>
  );
}
