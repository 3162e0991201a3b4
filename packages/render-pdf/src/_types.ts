/**
 * The part of pdfmake's document definition this package writes. pdfmake 0.3 ships no typings
 * and @types/pdfmake describes 0.2, so the shapes are declared here, narrowly: a typo in a node
 * property is a compile error instead of a silently ignored key. `TagProps` are the tagging engine's
 * (src/tagging/README.md): what a node is in the structure tree.
 */
import type { TagProps } from './tagging/index.ts';

export type Margins = number | [number, number] | [number, number, number, number];
export type Alignment = 'left' | 'right' | 'center' | 'justify';

export interface StyleProps {
  font?: string;
  fontSize?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  fillColor?: string;
  alignment?: Alignment;
  lineHeight?: number;
  margin?: Margins;
  noWrap?: boolean;
  characterSpacing?: number;
}

export interface TextNode extends StyleProps, TagProps {
  text: string | ReadonlyArray<string | TextNode>;
  style?: string | string[];
  headlineLevel?: number;
  tocItem?: boolean | string;
  tocStyle?: StyleProps;
  tocMargin?: Margins;
  tocNumberStyle?: StyleProps;
  id?: string;
  pageBreak?: 'before' | 'after';
  colSpan?: number;
  rowSpan?: number;
  border?: [boolean, boolean, boolean, boolean];
}

export interface StackNode extends StyleProps, TagProps {
  stack: Content[];
  unbreakable?: boolean;
  pageBreak?: 'before' | 'after';
  style?: string | string[];
  colSpan?: number;
  border?: [boolean, boolean, boolean, boolean];
}

export interface Column {
  width?: number | string;
}
export interface ColumnsNode extends StyleProps, TagProps {
  columns: Array<Content & Column>;
  columnGap?: number;
}

export interface TableLayout {
  hLineWidth?: (i: number, node: TableLayoutNode) => number;
  vLineWidth?: (i: number, node: TableLayoutNode) => number;
  hLineColor?: (i: number, node: TableLayoutNode) => string;
  vLineColor?: (i: number, node: TableLayoutNode) => string;
  fillColor?: (rowIndex: number, node: TableLayoutNode) => string | null;
  paddingLeft?: (i: number, node: TableLayoutNode) => number;
  paddingRight?: (i: number, node: TableLayoutNode) => number;
  paddingTop?: (i: number, node: TableLayoutNode) => number;
  paddingBottom?: (i: number, node: TableLayoutNode) => number;
}
/** What pdfmake passes to table layout callbacks, as far as they read it. */
export interface TableLayoutNode {
  table: { body: unknown[][]; headerRows?: number; widths?: unknown[] };
}

export type TableCell = Content | { text: ''; colSpan?: number };

export interface TableNode extends StyleProps, TagProps {
  table: {
    headerRows?: number;
    keepWithHeaderRows?: number;
    dontBreakRows?: boolean;
    widths: Array<number | string>;
    body: TableCell[][];
  };
  layout?: TableLayout | string;
  style?: string | string[];
  colSpan?: number;
}

export interface SvgNode extends StyleProps, TagProps {
  svg: string;
  width?: number;
  height?: number;
  colSpan?: number;
}

export interface ListNode extends StyleProps, TagProps {
  ul: Content[];
}

export interface TocNode {
  toc: {
    title?: TextNode;
    textStyle?: StyleProps;
    numberStyle?: StyleProps;
    textMargin?: Margins;
  };
}

export type Content = string | TextNode | StackNode | ColumnsNode | TableNode | SvgNode | ListNode | TocNode | Content[];

/** A laid-out node as pdfmake's `pageBreakBefore` callback sees it. */
export interface NodeInfo {
  headlineLevel?: number;
  text?: unknown;
  stack?: boolean;
  pageNumbers: number[];
  startPosition: { pageNumber: number; top: number; verticalRatio: number; pageInnerHeight: number };
}
export interface PageBreakHelpers {
  getFollowingNodesOnPage: () => NodeInfo[];
  getNodesOnNextPage: () => NodeInfo[];
  getPreviousNodesOnPage: () => NodeInfo[];
}

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creator: string;
  producer: string;
  creationDate: Date;
  modDate: Date;
}

/** pdfmake's document definition, as this package fills it. */
export interface TDocumentDefinitions {
  /** pdfkit options passed through by pdfmake: PDF/A-2b needs PDF 1.7, embedded fonts and a language. */
  version: '1.7';
  subset: 'PDF/A-2b';
  tagged: boolean;
  language: string;
  displayTitle: boolean;
  compress: boolean;
  pageSize: 'A4';
  pageMargins: [number, number, number, number];
  info: PdfInfo;
  header: (currentPage: number, pageCount: number) => Content;
  footer: (currentPage: number, pageCount: number) => Content;
  pageBreakBefore?: (node: NodeInfo, helpers: PageBreakHelpers) => boolean;
  content: Content[];
  styles: Record<string, StyleProps>;
  defaultStyle: StyleProps;
}
