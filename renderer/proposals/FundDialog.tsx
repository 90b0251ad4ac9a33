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

/** One kind of cost: its account and the months of each year it is spread over, with what that means for the first year. */
function PlacementFields({ kind, proposal, options, placement, onChange }: { kind: Kind; proposal: Proposal; options: FundingOptions; placement: FundingPlacement; onChange: (next: FundingPlacement) => void }) {
  const field = FIELDS[kind];
  const accounts: FundingAccount[] = kind === 'capital' ? options.capitalAccounts : options.operatingAccounts;
  const span = placement[field.months];
  const firstYear = new Decimal(proposal.flows[field.flow][0] ?? '0');
  const months = span.to - span.from + 1;
  const total = proposal.flows[field.flow].reduce((sum, amount) => sum.plus(amount), new Decimal(0));
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

/**
 * Funding a proposal asks where its costs go in the budget: the capital and operating accounts and
 * the months of each year, as it went the last time (remembered with the proposal) or, the first
 * time, the first accounts of the chart over whole years; and the reason, for the decisions log.
 */
export function FundDialog({ proposal, onFund, onClose }: { proposal: Proposal; onFund: (reason: string, placement: FundingPlacement) => void; onClose: () => void }) {
  const [options, setOptions] = useState<FundingOptions | null>(null);
  const [placement, setPlacement] = useState<FundingPlacement | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  useEffect(() => {
    let current = true;
    api.call('proposal/funding-options', { proposalId: proposal.id }).then(
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
  }, [proposal.id]);
  const ready = placement !== null && reason.trim() !== '';
  return (
    <FormDialog title={`Fund “${proposal.title}”`} testId="decision-dialog" submitLabel="Fund" ready={ready} onClose={onClose} onSubmit={() => placement !== null && onFund(reason.trim(), placement)}>
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
            {options.remembered
              ? `Its costs become lines of ${options.department}, where they went when it was last funded: change what has changed.`
              : `Its costs become lines of ${options.department}. Tandem proposes the chart's first capital and operating accounts, each year spread over all its months: choose where they belong. The choice is remembered with the proposal.`}
          </p>
          <PlacementFields kind="capital" proposal={proposal} options={options} placement={placement} onChange={setPlacement} />
          <PlacementFields kind="operating" proposal={proposal} options={options} placement={placement} onChange={setPlacement} />
        </>
      )}
      <label>
        Reason (for the decisions log)
        <input value={reason} onChange={(event) => setReason(event.target.value)} placeholder="e.g. Best NPV per dollar; pays back in under three years" />
      </label>
    </FormDialog>
  );
}
