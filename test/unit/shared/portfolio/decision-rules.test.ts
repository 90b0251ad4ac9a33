import { describe, expect, it } from 'vitest';
import { decisionRefusal } from '../../../../shared/portfolio/decision-rules';

const erp = { title: 'ERP upgrade', status: 'proposed' as const, mandatory: false };
const safety = { title: 'Plant safety retrofit', status: 'proposed' as const, mandatory: true };

describe('which decisions a proposal takes', () => {
  it('an open proposal takes every decision but reopening', () => {
    expect(decisionRefusal(erp, 'funded')).toBeNull();
    expect(decisionRefusal(erp, 'deferred')).toBeNull();
    expect(decisionRefusal(erp, 'rejected')).toBeNull();
    expect(decisionRefusal(erp, 'proposed')).toBe('Already open: a second decision on “ERP upgrade” would record nothing new.');
  });

  it('a second fund on a funded proposal is refused: it would log a decision that changes nothing', () => {
    expect(decisionRefusal({ ...erp, status: 'funded' }, 'funded')).toBe('Already funded: a second decision on “ERP upgrade” would record nothing new.');
    expect(decisionRefusal({ ...erp, status: 'funded' }, 'proposed')).toBeNull();
  });

  it('a mandatory proposal is funded or reopened, never deferred or rejected', () => {
    expect(decisionRefusal(safety, 'deferred')).toBe('Mandatory, so always funded: “Plant safety retrofit” cannot be deferred. Clear “mandatory” first if that has changed.');
    expect(decisionRefusal(safety, 'rejected')).toContain('cannot be rejected');
    expect(decisionRefusal(safety, 'funded')).toBeNull();
    expect(decisionRefusal({ ...safety, status: 'funded' }, 'proposed')).toBeNull();
  });
});
