import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import type { SessionSnapshot } from '../../shared/domain/proposal';
import type { Department } from '../../shared/domain/workbook';
import { Decimal } from '../../shared/money/decimal';
import type { RankedProposal } from '../../shared/portfolio/ranking';
import { usePortfolioStore } from '../state/portfolio-store';
import { DecisionDialog, ReasonDialog } from './DecisionDialog';
import { formatMoney } from './format-metric';
import { decisionCommandOf, decisionKeysHint, runDecision } from './decision-keys';
import { useProposalsUiStore } from '../state/proposals-ui-store';

const PLACE_WORDS: Record<RankedProposal['place'], string> = { committed: 'committed', above: 'above the line', crossing: 'on the line', below: 'below the line', out: 'out' };

/** What changed for each proposal since a snapshot: its place against the line, its status, its rank. */
function differences(snapshot: SessionSnapshot, ranked: readonly RankedProposal[]): string[] {
  const then = new Map(snapshot.content.ranking.map((entry) => [entry.proposalId, entry]));
  return ranked.flatMap((entry) => {
    const before = then.get(entry.proposal.id);
    if (before === undefined) return [`“${entry.proposal.title}” is new since the snapshot.`];
    const changes: string[] = [];
    if (before.place !== entry.place) changes.push(`${PLACE_WORDS[before.place as RankedProposal['place']] ?? before.place} → ${PLACE_WORDS[entry.place]}`);
    if (before.status !== entry.proposal.status) changes.push(`${before.status} → ${entry.proposal.status}`);
    if (before.rank !== entry.rank) changes.push(`rank ${before.rank} → ${entry.rank}`);
    return changes.length === 0 ? [] : [`“${entry.proposal.title}”: ${changes.join(', ')}`];
  });
}

/**
 * The meeting's view, full screen: the ranked list in large type with the funding line, weights and
 * caps as sliders that re-rank live, one-key decisions with a reason, the decisions log, and
 * snapshots of the outcome to compare. Escape leaves it.
 */
export function SessionView({ departments, onClose }: { departments: readonly Department[]; onClose: () => void }) {
  const { portfolio, ranked, setWeight, setCapitalCapLive, decide, saveSnapshot, select } = usePortfolioStore();
  const [selected, setSelected] = useState(0);
  const deciding = useProposalsUiStore((state) => state.deciding);
  const setUi = useProposalsUiStore((state) => state.set);
  const [naming, setNaming] = useState(false);
  const [compareId, setCompareId] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  // The caps' slider range is fixed when the session opens: up to twice each year's cap.
  const [capRange] = useState(() => portfolio?.settings.capitalCaps.map((cap) => (cap === null ? 1_000_000 : Number(cap) * 2)) ?? []);
  const departmentName = useMemo(() => new Map(departments.map((department) => [department.id, department.name])), [departments]);

  useEffect(() => {
    listRef.current?.focus();
  }, []);
  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  if (portfolio === null) return null;
  const comparing = portfolio.snapshots.find((snapshot) => snapshot.id === compareId);
  const current = ranked[selected];
  const firstYear = Number(portfolio.firstYearLabel.replace(/\D/g, '')) || 0;
  const titleOf = (id: number) => portfolio.proposals.find((proposal) => proposal.id === id)?.title ?? '?';
  const inside = ranked.filter((entry) => entry.place === 'committed' || entry.place === 'above');
  return (
    <div className="session-view" role="dialog" aria-modal="true" aria-label="Prioritization session" data-testid="session-view">
      <header className="session-header">
        <h1>Prioritization session</h1>
        <span className="session-summary">
          {inside.length} of {ranked.length} proposals above the line · capital {formatMoney(inside.reduce((sum, entry) => sum.plus(entry.metrics.capitalTotal), new Decimal(0)))}
        </span>
        <button type="button" onClick={() => setNaming(true)}>Save snapshot…</button>
        <label className="toolbar-select">
          Compare with
          <select aria-label="Compare with snapshot" value={compareId} onChange={(event) => setCompareId(Number(event.target.value))}>
            <option value={0}>(no snapshot)</option>
            {portfolio.snapshots.map((snapshot) => (
              <option key={snapshot.id} value={snapshot.id}>
                {snapshot.name} · {new Date(snapshot.takenAt).toLocaleString()}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={onClose} title="Leave the session (Esc)">Done</button>
      </header>
      <div className="session-body">
        <div
          className="session-list"
          ref={listRef}
          tabIndex={0}
          role="listbox"
          aria-label="Ranked proposals"
          aria-activedescendant={current === undefined ? undefined : `session-row-${current.proposal.id}`}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              onClose();
            } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              setSelected((index) => Math.max(0, Math.min(ranked.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1))));
            } else if (current !== undefined) {
              const decision = decisionCommandOf(event.nativeEvent);
              if (decision !== undefined) {
                event.preventDefault();
                // The command acts on the selected proposal: the session's current row.
                select(current.proposal.id);
                runDecision(decision);
              }
            }
          }}
        >
          <div className="session-row session-head" aria-hidden="true">
            <span className="session-rank">#</span>
            <span>Proposal</span>
            <span>Department</span>
            <span className="session-number">Capital</span>
            <span className="session-number">NPV</span>
            <span className="session-number">Score</span>
            <span>Status</span>
          </div>
          {ranked.map((entry, index) => (
            <Fragment key={entry.proposal.id}>
              {entry.place === 'crossing' && (
                <div className="session-funding-line" role="separator">
                  Funding line
                </div>
              )}
              <div
                id={`session-row-${entry.proposal.id}`}
                role="option"
                aria-selected={index === selected}
                className={`session-row session-${entry.place}`}
                onClick={() => setSelected(index)}
              >
                <span className="session-rank">{entry.rank}</span>
                <span className="session-title">
                  {entry.proposal.title}
                  {entry.proposal.mandatory && <span className="badge badge-mandatory">mandatory</span>}
                </span>
                <span className="session-department">{departmentName.get(entry.proposal.departmentId ?? 0) ?? ''}</span>
                <span className="session-number">{formatMoney(entry.metrics.capitalTotal)}</span>
                <span className={`session-number${entry.metrics.npv.isNegative() ? ' amount-negative' : ''}`}>{formatMoney(entry.metrics.npv)}</span>
                <span className="session-number">{entry.score === null ? '—' : entry.score.toFixed(2)}</span>
                <span className={`status-chip status-${entry.proposal.status}`}>{entry.proposal.status}</span>
              </div>
            </Fragment>
          ))}
        </div>
        <aside className="session-side">
          <section>
            <h2>Weights</h2>
            {portfolio.criteria.map((criterion) => (
              <label key={criterion.id} className="session-slider">
                <span>{criterion.name}</span>
                <input type="range" min={0} max={10} step={0.5} aria-label={`Session weight of ${criterion.name}`} value={Number(criterion.weight)} onChange={(event) => setWeight(criterion.id, event.target.value)} />
                <output>{criterion.weight}</output>
              </label>
            ))}
          </section>
          <section>
            <h2>Capital budget</h2>
            {capRange.map((max, year) => (
              <label key={year} className="session-slider">
                <span>{firstYear > 0 ? `FY${firstYear + year}` : `Year ${year + 1}`}</span>
                <input
                  type="range"
                  min={0}
                  max={max}
                  step={10_000}
                  aria-label={`Session cap ${firstYear > 0 ? `FY${firstYear + year}` : `year ${year + 1}`}`}
                  value={Number(portfolio.settings.capitalCaps[year] ?? max)}
                  onChange={(event) => setCapitalCapLive(year, event.target.value)}
                />
                <output>{formatMoney(new Decimal(portfolio.settings.capitalCaps[year] ?? '0'))}</output>
              </label>
            ))}
          </section>
          {comparing !== undefined ? (
            <section data-testid="snapshot-differences">
              <h2>Since “{comparing.name}”</h2>
              <ul className="session-log">
                {(() => {
                  const changes = differences(comparing, ranked);
                  return changes.length === 0 ? <li>Nothing has changed.</li> : changes.map((change) => <li key={change}>{change}</li>);
                })()}
              </ul>
            </section>
          ) : (
            <section>
              <h2>Decisions</h2>
              <ul className="session-log" data-testid="decisions-log">
                {portfolio.decisions.length === 0 && <li className="hint">No decisions yet. Keys on the selected proposal: {decisionKeysHint()}.</li>}
                {portfolio.decisions
                  .slice()
                  .reverse()
                  .map((decision) => (
                    <li key={decision.id}>
                      <strong>{decision.decision}</strong> {titleOf(decision.proposalId)} — {decision.reason}
                      <span className="session-log-meta">
                        {decision.actor}, {new Date(decision.at).toLocaleString()}
                      </span>
                    </li>
                  ))}
              </ul>
            </section>
          )}
          <p className="hint">↑/↓ choose · {decisionKeysHint().replace(/, /g, ' · ')} · Esc leaves</p>
        </aside>
      </div>
      {deciding !== null && portfolio.proposals.some((proposal) => proposal.id === deciding.proposalId) && (
        <DecisionDialog
          proposal={portfolio.proposals.find((proposal) => proposal.id === deciding.proposalId) as (typeof portfolio.proposals)[number]}
          decision={deciding.decision}
          onClose={() => {
            setUi({ deciding: null });
            listRef.current?.focus();
          }}
          onDecide={(reason, funding) => {
            setUi({ deciding: null });
            void decide(deciding.proposalId, deciding.decision, reason, funding).then(() => listRef.current?.focus());
          }}
        />
      )}
      {naming && (
        <ReasonDialog
          title="Save a snapshot of this session"
          action="Save snapshot"
          label="Name"
          placeholder="e.g. After the first round"
          onClose={() => setNaming(false)}
          onConfirm={(name) => {
            setNaming(false);
            void saveSnapshot(name).then(() => listRef.current?.focus());
          }}
        />
      )}
    </div>
  );
}
