import type { Migration } from './migration';

/**
 * Where a funded proposal's costs go in the budget, remembered with the proposal: JSON
 * `{ capitalAccountId, operatingAccountId, capitalMonths: { from, to }, operatingMonths }`
 * (shared/portfolio/funding-placement.ts), null until it is first funded. The accounts are not
 * foreign keys: a remembered account that is deleted later is simply not proposed again.
 */
export const proposalFundingPlacement: Migration = {
  version: 11,
  description: 'proposals remember the accounts and months their funding goes to',
  up(db) {
    db.exec('ALTER TABLE proposals ADD COLUMN funding TEXT');
  },
};
