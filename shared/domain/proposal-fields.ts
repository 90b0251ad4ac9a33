import type { RiskRating } from './proposal';

/** The fields of a proposal a change may set; each optional. */
export interface ProposalFields {
  title?: string;
  owner?: string;
  departmentId?: number | null;
  category?: string;
  goal?: string;
  description?: string;
  usefulLife?: number | null;
  risk?: RiskRating;
  mandatory?: boolean;
  dependsOn?: number | null;
  exclusiveGroup?: string | null;
  forced?: 'in' | 'out' | null;
}
