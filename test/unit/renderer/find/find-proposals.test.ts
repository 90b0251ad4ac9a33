import { describe, expect, it } from 'vitest';
import { findInProposals } from '../../../../renderer/find/find-proposals';
import { Decimal } from '../../../../shared/money/decimal';
import { proposalFixture } from '../../../helpers/proposal';

const entries = [
  { proposal: proposalFixture(1, { capex: ['28000', '0'], benefit: ['0', '30000'] }, { title: 'Compressed-air leak programme', owner: 'Lena Okafor', departmentId: 2, goal: 'Cost leadership' }), metrics: { capitalTotal: new Decimal(28000), npv: new Decimal('54115.004') } },
  { proposal: proposalFixture(2, { capex: ['1200'] }, { title: 'LED lighting', category: 'Facilities', departmentId: 1 }), metrics: { capitalTotal: new Decimal(1200), npv: new Decimal(-10) } },
];
const departments = new Map([
  [1, 'G&A'],
  [2, 'Operations'],
]);
const found = (query: string) => findInProposals(entries, departments, query, 'USD').map((match) => `${match.proposalId}:${match.sheetColumn}:${match.rankingColumn}`);

describe('find in the proposals', () => {
  it('matches the name, the owner, the department, the goal and the category as text', () => {
    expect(found('leak')).toEqual(['1:title:title']);
    expect(found('okafor')).toEqual(['1:owner:title']);
    expect(found('operations')).toEqual(['1:department:department']);
    expect(found('leadership')).toEqual(['1:goal:title']);
    expect(found('facilities')).toEqual(['2:category:title']);
  });

  it('matches a year’s flow and the capital in total by exact value, on the column that shows it', () => {
    expect(found('28,000')).toEqual(['1:capex-0:capital', '1:title:capital']);
    expect(found('30000')).toEqual(['1:benefit-1:title']);
    expect(found('2800')).toEqual([]);
  });

  it('matches the NPV to the cent', () => {
    expect(found('54,115.00')).toEqual(['1:title:npv']);
  });

  it('finds nothing for an empty query', () => {
    expect(found(' ')).toEqual([]);
  });
});
