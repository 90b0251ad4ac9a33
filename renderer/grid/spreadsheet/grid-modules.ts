import {
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  ModuleRegistry,
  PinnedRowModule,
  RenderApiModule,
  RowApiModule,
  RowDragModule,
  RowStyleModule,
  ScrollApiModule,
  SelectEditorModule,
  TextEditorModule,
  TooltipModule,
} from 'ag-grid-community';

/**
 * The AG Grid features Tandem's grids (budget sheet, compare view, proposals) use, instead of
 * AllCommunityModule: about 280 KB less code for the browser to load and compile at every open
 * (issue 14). Pinned and grouped columns, resizing, overlays and keyboard navigation are in AG
 * Grid's core. A feature used without its module logs AG Grid error #200, which fails the e2e
 * test that meets it (test/e2e/support/sheet-test.ts).
 */
ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  // applyTransaction
  ClientSideRowModelApiModule,
  // the typed entry (the default editor) and the proposals' choice columns
  TextEditorModule,
  SelectEditorModule,
  // the sheet's pinned totals
  PinnedRowModule,
  // ranking proposals by hand
  RowDragModule,
  // cell and header tooltips
  TooltipModule,
  // getRowNode, getDisplayedRowAtIndex, forEachNode; refreshCells; ensureIndexVisible, ensureColumnVisible; getColumns, getAllDisplayedColumns
  RowApiModule,
  RenderApiModule,
  ScrollApiModule,
  ColumnApiModule,
  // getRowClass, rowClassRules; cellClassRules, cellStyle
  RowStyleModule,
  CellStyleModule,
]);
