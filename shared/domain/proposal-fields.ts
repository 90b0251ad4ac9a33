import type { FlowKind, RiskRating } from './proposal';
import type { AmountText } from '../money/amount';

/** The fields of a proposal a change may set; each optional. */
export interface ProposalFields {
  title?: string;
  owner?: string;
  departmentId?: number | null;
  category?: string;
  /** a goal by name, case-insensitive ('' clears it); it must exist */
  goal?: string;
  /** a goal by id (null clears it) */
  goalId?: number | null;
  description?: string;
  usefulLife?: number | null;
  risk?: RiskRating;
  mandatory?: boolean;
  /** the whole list of prerequisites (ids), replacing the one before; [] clears it */
  prerequisites?: number[];
  exclusiveGroup?: string | null;
  forced?: 'in' | 'out' | null;
}

/** A cash flow of one year (an amount of "0" clears it). */
export interface ProposalFlow {
  kind: FlowKind;
  year: number;
  amount: AmountText;
}

/** What one proposal's part of a many-cell edit (a paste on the proposals sheet) changes. */
export interface ProposalEdit {
  proposalId: number;
  fields?: ProposalFields;
  flows?: ProposalFlow[];
  scores?: { criterionId: number; score: string | null }[];
}
