import type { FiscalCalendar } from '../../shared/calendar/fiscal-calendar';
import type { AccountType } from '../../shared/domain/workbook';
import type { AmountText } from '../../shared/money/amount';

/** The content a new workbook file starts with. */
export interface WorkbookSeed {
  name: string;
  currency: string;
  calendar: FiscalCalendar;
  versionName: string;
  departments: string[];
  accounts: { code: string; name: string; type: AccountType }[];
  lines: { department: string; accountCode: string; description: string; values: (AmountText | null)[]; formula?: string | null }[];
  /** comments on lines (period null) or cells, by line description */
  comments?: { line: string; period: number | null; author: string; text: string }[];
}
