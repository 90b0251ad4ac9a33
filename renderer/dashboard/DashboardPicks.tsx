import type { SheetModel, VersionKind } from '../../shared/domain/workbook';
import { VERSION_ROLES, type VersionRole } from '../../shared/kpi/kpi-engine';
import { DepartmentOptions } from '../components/DimensionOptions';
import type { DashboardPeriod, RoleVersions } from '../state/kpi-store';
import { periodOptions, periodValue } from './dashboard-figures';

const ROLE_PICKS: Record<VersionRole, { label: string; kinds: VersionKind[]; none: string | null }> = {
  budget: { label: 'Budget', kinds: ['budget', 'scenario'], none: null },
  actual: { label: 'Actuals', kinds: ['actuals'], none: 'No actuals' },
  forecast: { label: 'Forecast', kinds: ['forecast', 'scenario'], none: 'No forecast' },
};

/** The dashboard's picks: the period, the versions read as budget, actuals and forecast, and the department; and New KPI…. */
export function DashboardPicks({ model, period, roles, departmentId, onChoose, onNewKpi }: {
  model: Omit<SheetModel, 'lines'>;
  period: DashboardPeriod;
  roles: RoleVersions | null;
  departmentId: number | null;
  onChoose: (choice: { period?: DashboardPeriod; roles?: RoleVersions; departmentId?: number | null }) => void;
  onNewKpi: () => void;
}) {
  const options = periodOptions(model);
  return (
    <div className="dashboard-bar compare-bar" role="group" aria-label="Dashboard picks">
      <label>
        Period
        <select
          aria-label="Period"
          value={periodValue(period)}
          onChange={(event) => {
            const picked = options.find((option) => option.value === event.target.value);
            if (picked !== undefined) onChoose({ period: picked.period });
          }}
        >
          <option value="ytd">{options[0]?.label}</option>
          <optgroup label="Quarters">
            {options.filter((option) => option.period.kind === 'quarter').map((option) => (
              <option key={option.value} value={option.value}>{option.label}</option>
            ))}
          </optgroup>
          <optgroup label="Months">
            {options.filter((option) => option.period.kind === 'month').map((option) => (
              <option key={option.value} value={option.value}>{option.label}</option>
            ))}
          </optgroup>
        </select>
      </label>
      {VERSION_ROLES.map((role) => {
        const pick = ROLE_PICKS[role];
        const versions = model.versions.filter((version) => pick.kinds.includes(version.kind));
        return (
          <label key={role}>
            {pick.label}
            <select
              aria-label={`${pick.label} version`}
              value={roles?.[role] ?? ''}
              disabled={roles === null}
              onChange={(event) => roles !== null && onChoose({ roles: { ...roles, [role]: event.target.value === '' ? null : Number(event.target.value) } })}
            >
              {pick.none !== null && <option value="">{pick.none}</option>}
              {versions.map((version) => (
                <option key={version.id} value={version.id}>{version.name}</option>
              ))}
            </select>
          </label>
        );
      })}
      <label>
        Department
        <select aria-label="Department" value={departmentId ?? ''} onChange={(event) => onChoose({ departmentId: event.target.value === '' ? null : Number(event.target.value) })}>
          <option value="">All departments</option>
          <DepartmentOptions departments={model.departments} />
        </select>
      </label>
      <span className="dashboard-bar-spacer" />
      <button type="button" onClick={onNewKpi} title="A new KPI: a formula over the sheet, or a value entered each month">
        New KPI…
      </button>
    </div>
  );
}
