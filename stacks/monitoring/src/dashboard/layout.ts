import type { PlacedWidget, WidgetDefinition } from "./body";

/** Dashboards are a grid 24 units wide (CloudWatch dashboard body: `x` 0-23, `width` 1-24). */
export const GRID_COLUMNS = 24;

/** Places rows of widgets top to bottom, each row left to right; a row taller widgets set the next row's y. */
export function placeRows(rows: readonly (readonly WidgetDefinition[])[]): PlacedWidget[] {
  const placed: PlacedWidget[] = [];
  let y = 0;
  for (const row of rows) {
    let x = 0;
    for (const widget of row) {
      placed.push({ ...widget, x, y });
      x += widget.width;
    }
    y += Math.max(0, ...row.map((widget) => widget.height));
  }
  return placed;
}
