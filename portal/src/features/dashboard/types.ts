import type { NetworksSchemas, ReportingSchemas } from '../../shared/api/client';

export type ReportTable = ReportingSchemas['schemas']['ReportTable'];
export type ReportRow = ReportingSchemas['schemas']['ReportRow'];
export type ReportColumn = ReportingSchemas['schemas']['ReportColumn'];
export type TenantDashboard = ReportingSchemas['schemas']['TenantDashboard'];
export type NationalDashboard = ReportingSchemas['schemas']['NationalDashboard'];
export type SuppressionRule = ReportingSchemas['schemas']['SuppressionRule'];
export type ValueChain = NetworksSchemas['schemas']['ValueChainDto'];

/** One figure of one row, as charts and cards use it: null when not computable, `suppressed` when hidden. */
export interface Datum {
  key: string;
  label: string;
  value: number | null;
  suppressed: boolean;
}
