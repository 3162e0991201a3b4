export { renderHtml, renderHtmlView } from './_render.ts';
export type { HtmlTemplates } from './_render.ts';
export { DEFAULT_TEMPLATES_DIR, findTemplatesDir, loadTemplates, TEMPLATES_FOLDER } from './_load.ts';
