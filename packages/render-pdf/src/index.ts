export { buildPdfDoc, buildPdfDocFromView, PDF_CREATOR, PDF_PRODUCER } from './_doc.ts';
export { keepHeadingsWithNext, keepHeadingWithNext } from './_keep.ts';
export { HEADING_STYLES, pdfBuilders, STATUS_STYLE } from './_builders.ts';
export type { Builders, DataTableOptions, FactTableOptions } from './_builders.ts';
export { MAX_TEXT, pdfText } from './_measure.ts';
export { loadPdfmake, renderPdf, renderPdfView } from './_render.ts';
export type {
  Content,
  NodeInfo,
  PageBreakHelpers,
  PdfInfo,
  TDocumentDefinitions,
} from './_types.ts';
export { startPdfThread } from './_thread.ts';
export type { PdfThread } from './_thread.ts';
