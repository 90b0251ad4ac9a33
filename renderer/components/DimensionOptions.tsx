import { treeOrder } from '../../shared/domain/dimension-tree';
import { ACCOUNT_TYPE_LABELS, type Account, type Department } from '../../shared/domain/workbook';

/** Indents an option by its depth in the tree (select options take no padding, so spaces do it). */
const indent = (depth: number) => '\u00a0\u00a0\u00a0'.repeat(depth);

/** `<option>`s for departments in tree order, divisions above their departments. */
export function DepartmentOptions({ departments, exclude }: { departments: readonly Department[]; exclude?: (department: Department) => boolean }) {
  return (
    <>
      {treeOrder(departments)
        .filter(({ node }) => exclude?.(node) !== true)
        .map(({ node, depth }) => (
          <option key={node.id} value={node.id}>
            {indent(depth)}
            {node.name}
          </option>
        ))}
    </>
  );
}

/** `<option>`s for accounts in tree order (by code under each header), with their type. */
export function AccountOptions({ accounts, exclude, showType = true }: { accounts: readonly Account[]; exclude?: (account: Account) => boolean; showType?: boolean }) {
  const byCode = accounts.slice().sort((a, b) => a.code.localeCompare(b.code));
  return (
    <>
      {treeOrder(byCode)
        .filter(({ node }) => exclude?.(node) !== true)
        .map(({ node, depth }) => (
          <option key={node.id} value={node.id}>
            {indent(depth)}
            {node.code} {node.name}
            {showType ? ` (${ACCOUNT_TYPE_LABELS[node.type]}${node.unit === 'percent' ? ', rate' : ''})` : ''}
          </option>
        ))}
    </>
  );
}
