import type { Proposal } from '../../shared/domain/proposal';

/** A proposal as a test needs it: open, no department or flags, the given yearly flows (amount text, "0" where none). */
export function proposalFixture(id: number, flows: { capex?: string[]; opex?: string[]; benefit?: string[] }, extra: Partial<Proposal> = {}): Proposal {
  const years = Math.max(flows.capex?.length ?? 0, flows.opex?.length ?? 0, flows.benefit?.length ?? 0, 1);
  const padded = (values: string[] = []) => Array.from({ length: years }, (_unused, year) => values[year] ?? '0');
  return {
    id,
    title: `P${id}`,
    owner: '',
    departmentId: null,
    category: '',
    goal: '',
    goalId: null,
    description: '',
    status: 'proposed',
    usefulLife: null,
    risk: 'medium',
    mandatory: false,
    prerequisites: [],
    exclusiveGroup: null,
    forced: null,
    flows: { capex: padded(flows.capex), opex: padded(flows.opex), benefit: padded(flows.benefit) },
    scores: {},
    ...extra,
  };
}
