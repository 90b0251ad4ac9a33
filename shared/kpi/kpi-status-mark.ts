import type { KpiStatus } from './kpi-status';

/** A status's shape, so it reads without colour (printed in black and white, or for colour-blind readers). */
export const KPI_STATUS_SHAPES: Record<KpiStatus, string> = { 'on-track': '●', 'at-risk': '▲', 'off-track': '■' };
