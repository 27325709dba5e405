import type { DashboardDefinition, WidgetDefinition } from "./body";
import { contributorInsightsWidget } from "./contributor-insights";
import { placeRows } from "./layout";
import { alarmStatusWidget, headerWidget, userErrorsWidget } from "./overview-row";
import { tableRow } from "./table-row";

export interface OperatorDashboardInput {
  readonly name: string;
  readonly region: string;
  /** Physical table names by logical key, as the data stack exports them; any number. */
  readonly tableNames: Readonly<Record<string, string>>;
  /** Logical keys of the tables with contributor insights on. */
  readonly contributorInsightsTables: ReadonlySet<string>;
  readonly alarmArns: readonly string[];
}

/** The whole dashboard: header, account-wide row, then a row per table (and its hot keys note). */
export function operatorDashboard(input: OperatorDashboardInput): DashboardDefinition {
  const tables = Object.entries(input.tableNames);
  const rows: WidgetDefinition[][] = [
    [headerWidget(input.name, tables.map(([, physicalName]) => physicalName))],
    [userErrorsWidget(input.region), alarmStatusWidget(input.alarmArns)],
  ];
  for (const [key, physicalName] of tables) {
    rows.push(tableRow(physicalName, input.region));
    if (input.contributorInsightsTables.has(key)) rows.push([contributorInsightsWidget(physicalName)]);
  }
  return { start: "-PT3H", periodOverride: "inherit", widgets: placeRows(rows) };
}
