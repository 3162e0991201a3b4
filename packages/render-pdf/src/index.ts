export { buildPdfDoc, keepHeadingsWithNext, keepHeadingWithNext, PDF_CREATOR, PDF_PRODUCER } from './_doc.ts';
export { renderPdf } from './_render.ts';
export { STATUS_STYLE, statusBadgeText } from './_blocks.ts';
export type {
  Content,
  NodeInfo,
  PageBreakHelpers,
  PdfInfo,
  TDocumentDefinitions,
} from './_types.ts';
export { startPdfThread } from './_thread.ts';
export type { PdfThread } from './_thread.ts';
