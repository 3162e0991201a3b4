// exceljs's streaming WorkbookReader as its own module (exceljs 4.4.0 ships no types for the path):
// _cells.ts loads only it, not the whole library. Typed as the class exceljs's own types declare.
declare module 'exceljs/lib/stream/xlsx/workbook-reader.js' {
  import type ExcelJS from 'exceljs';
  const WorkbookReader: typeof ExcelJS.stream.xlsx.WorkbookReader;
  export default WorkbookReader;
}
