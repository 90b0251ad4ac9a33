import company from '../../assets/sample/company.json';
import proposals from '../../assets/sample/proposals.json';
import { fiscalYearLabel, type FiscalCalendar } from '../../shared/calendar/fiscal-calendar';
import type { AccountType, AccountUnit } from '../../shared/domain/workbook';
import { toAmountText, type AmountText } from '../../shared/money/amount';
import { Decimal } from '../../shared/money/decimal';
import type { WorkbookSeed } from '../store/workbook-seed';
import { sampleKpis } from './sample-kpis';
import { sampleVersions } from './sample-versions';
import { seededRandom } from './seeded-random';

/** Monthly weights by calendar month (Jan..Dec); each profile averages 1. */
const SEASONS: Record<string, readonly number[]> = {
  flat: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  retail: [0.82, 0.86, 0.98, 1.0, 1.02, 0.96, 0.9, 0.94, 1.06, 1.12, 1.16, 1.18],
  events: [0.4, 1.6, 1.3, 0.8, 1.1, 0.9, 0.3, 0.4, 1.5, 1.4, 1.2, 1.1],
  winter: [1.45, 1.35, 1.1, 0.85, 0.7, 0.75, 0.9, 0.9, 0.75, 0.85, 1.1, 1.3],
  yearEnd: [2.2, 1.6, 1.0, 0.7, 0.6, 0.6, 0.6, 0.6, 0.7, 0.8, 1.0, 1.6],
};

interface LineTemplate {
  department: string;
  account: string;
  description: string;
  /** an input line's base monthly amount, growth per month and seasonality */
  monthly?: string;
  growth?: string;
  season?: string;
  /** `count` for drivers such as headcount: whole numbers, no noise */
  unit?: 'count';
  oneOff?: { period: number; amount: string };
  /** the same value every month (a rate such as 0.22) */
  constant?: string;
  /** a formula line: values are computed */
  formula?: string;
  /** the strategic goal the line is tagged with (the sample's own workbook only) */
  goal?: string;
}

export const SAMPLE_CALENDAR: FiscalCalendar = { startYear: 2027, startMonth: 1, periodCount: 12 };

function monthlyValues(template: LineTemplate, calendar: FiscalCalendar, random: () => number, scale = '1'): (AmountText | null)[] {
  const values: (AmountText | null)[] = [];
  if (template.formula !== undefined) return new Array<null>(calendar.periodCount).fill(null);
  const base = new Decimal(template.monthly ?? '0').times(scale);
  const season = SEASONS[template.season ?? 'flat'] ?? SEASONS.flat ?? [];
  if (template.constant !== undefined) return new Array<AmountText>(calendar.periodCount).fill(template.constant);
  for (let period = 0; period < calendar.periodCount; period += 1) {
    if (template.oneOff !== undefined) {
      values.push(period === template.oneOff.period ? template.oneOff.amount : null);
      continue;
    }
    if (template.unit === 'count') {
      values.push(toAmountText(base.times(new Decimal(1).plus(template.growth ?? '0').pow(period)).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN)));
      continue;
    }
    const month = (calendar.startMonth - 1 + period) % 12;
    // Noise of up to ±2%, in whole basis points so the arithmetic stays decimal.
    const noiseBasisPoints = Math.round((random() - 0.5) * 400);
    const value = base
      .times(new Decimal(1).plus(template.growth ?? '0').pow(period))
      .times(String(season[month] ?? 1))
      .times(new Decimal(10000 + noiseBasisPoints).div(10000));
    // Budgets are drafted in round figures: whole tens for most lines.
    values.push(toAmountText(value.div(10).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).times(10)));
  }
  return values;
}

/**
 * The sample company's workbook. With `lineCount` above the template count, lines repeat
 * across numbered cost centres: that is how the benchmarks build 10,000-line workbooks.
 */
export function sampleWorkbookSeed(options: { lineCount?: number; calendar?: FiscalCalendar; name?: string } = {}): WorkbookSeed {
  const own = options.lineCount === undefined;
  const calendar = options.calendar ?? SAMPLE_CALENDAR;
  const templates = company.lines as LineTemplate[];
  const lineCount = options.lineCount ?? templates.length;
  const random = seededRandom(20270101);
  const lines: WorkbookSeed['lines'] = [];
  for (let index = 0; index < lineCount; index += 1) {
    const template = templates[index % templates.length];
    if (template === undefined) break;
    const round = Math.floor(index / templates.length);
    lines.push({
      department: template.department,
      accountCode: template.account,
      description: round === 0 ? template.description : `${template.description} · cost centre ${round + 1}`,
      // Copies in larger benchmark workbooks point their formulas at their own cost centre's lines.
      values: monthlyValues(template, calendar, random),
      formula: template.formula === undefined ? null : round === 0 ? template.formula : template.formula.replace(/\[([^\]]+)\]/g, (_whole, name: string) => `[${name} · cost centre ${round + 1}]`),
      ...(own && template.goal !== undefined ? { goal: template.goal } : {}),
    });
  }
  const accounts = company.accounts.map((account) => ({ ...account, type: account.type as AccountType, unit: account.unit as AccountUnit | undefined }));
  // The sample's year is closed through September: actuals, a forecast from them and a scenario come with its own workbook.
  const closedMonths = 9;
  const planYear = own && calendar.periodCount >= closedMonths ? { versions: sampleVersions({ lines, accounts, versionName: company.versionName }, calendar, closedMonths), actualsThrough: closedMonths - 1 } : {};
  return {
    ...planYear,
    name: options.name ?? company.name,
    currency: company.currency,
    calendar,
    versionName: company.versionName,
    departments: sampleDepartments(),
    accounts,
    profiles: company.profiles.map((profile) => ({ name: profile.name, weights: fiscalWeights(profile.season, calendar) })),
    // Last year's actuals come with the sample company's own workbook only: the benchmarks measure the budget alone.
    ...(own ? { priorYear: priorYearOf(templates, calendar), portfolio: { criteria: proposals.criteria, capitalCaps: proposals.capitalCaps, proposals: proposals.proposals } } : {}),
    // Goals and KPIs name the sample company's own lines and months: its own workbook only.
    ...(own && calendar.periodCount >= closedMonths ? sampleKpis(calendar, closedMonths) : {}),
    lines,
    // Comments belong to the sample company's own lines; large benchmark copies carry them too.
    comments: company.comments.filter((comment) => lines.some((line) => line.description === comment.line)),
  };
}

/** The departments under their divisions: a division sorts just before its first department. */
function sampleDepartments(): WorkbookSeed['departments'] {
  const order = (name: string) => (company.departments.indexOf(name) + 1) * 10;
  const parentOf = new Map(company.divisions.flatMap((division) => division.departments.map((department) => [department, division.name] as const)));
  return [
    ...company.departments.map((name) => ({ name, sortOrder: order(name), ...(parentOf.has(name) ? { parent: parentOf.get(name) } : {}) })),
    ...company.divisions.map((division) => ({ name: division.name, sortOrder: order(division.departments[0] ?? '') - 5 })),
  ];
}

/** A season's weights (by calendar month) in fiscal-year order, as decimal text. */
function fiscalWeights(season: string, calendar: FiscalCalendar): string[] {
  const weights = SEASONS[season] ?? SEASONS.flat ?? [];
  return Array.from({ length: 12 }, (_unused, month) => String(weights[(calendar.startMonth - 1 + month) % 12] ?? 1));
}

/** Last year's actuals for the sample's input lines: the same shapes from a lower base, with noise of their own. */
function priorYearOf(templates: readonly LineTemplate[], calendar: FiscalCalendar): NonNullable<WorkbookSeed['priorYear']> {
  const random = seededRandom(20260101);
  const lastYear = { ...calendar, startYear: calendar.startYear - 1, periodCount: 12 };
  return {
    versionName: company.priorYear.versionName,
    lines: templates
      .filter((template) => template.formula === undefined && template.oneOff === undefined)
      .map((template) => ({ description: template.description, values: monthlyValues(template, lastYear, random, template.unit === 'count' || template.constant !== undefined ? '1' : company.priorYear.scale) })),
  };
}

/** A blank workbook: the sample's departments and chart of accounts, no lines. */
export function blankWorkbookSeed(name: string, calendar: FiscalCalendar = SAMPLE_CALENDAR): WorkbookSeed {
  // The sample's scoring criteria come along, so proposals can be ranked as soon as they are scored.
  return {
    ...sampleWorkbookSeed({ calendar, lineCount: 0 }),
    name,
    versionName: `Budget ${fiscalYearLabel(calendar)}`,
    comments: [],
    portfolio: { criteria: proposals.criteria, capitalCaps: [], proposals: [] },
  };
}
