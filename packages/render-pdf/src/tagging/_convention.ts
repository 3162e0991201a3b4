// The annotation convention: what a node builder sets on a pdfmake node so that the tagging engine
// knows what the node is. README.md beside this file describes it with an example per role.

/** Roles a builder may set with `role`. Everything else the engine infers or adds itself. */
export const NODE_ROLES = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'Caption', 'Sect', 'Div', 'Figure', 'Table', 'L', 'Artifact'] as const;
export type NodeRole = (typeof NODE_ROLES)[number];

/** Every structure type the engine writes. */
export type StructRole =
  | Exclude<NodeRole, 'Artifact'>
  | 'Document'
  | 'THead'
  | 'TBody'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'TOC'
  | 'TOCI'
  | 'Reference'
  | 'Link'
  | 'Span';

/**
 * The properties a builder may add to a pdfmake node for the engine (pdfmake itself ignores them).
 * Only `role`, `alt`, `lang` and `headerColumns` are read; pdfmake's own `tocItem`, `table.headerRows`,
 * `toc`, `ul`/`ol`, `link`, `linkToDestination`, `linkToPage`, `header`, `footer` and `background`
 * are read as pdfmake defines them.
 */
export interface TagProps {
  /** What the node is; see README.md for the default of each kind of node. */
  role?: NodeRole;
  /**
   * A figure's alternative text (required on every Figure: what it shows, with its figures), or, on a
   * linked text, the link's description (default: the link's text).
   */
  alt?: string;
  /** BCP 47 language of the node's text where it differs from the document's (`fi` in an English report). */
  lang?: string;
  /** On a table: the first `headerColumns` cells of every body row are row headers (TH, Scope Row). */
  headerColumns?: number;
}

const HEADING = /^H[1-6]$/;

/** The heading level of a role (1–6), or 0 for a role that is not a heading. */
export function headingLevel(role: string | undefined): number {
  return role !== undefined && HEADING.test(role) ? Number(role.slice(1)) : 0;
}

/** The kind of pdfmake node, as far as the roles it may take differ. */
export type NodeKind = 'text' | 'container' | 'table' | 'list' | 'picture' | 'canvas';

const ALLOWED: Record<NodeKind, readonly NodeRole[]> = {
  text: ['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'Caption', 'Artifact'],
  container: ['Sect', 'Div', 'Figure', 'Artifact'],
  table: ['Table', 'Div', 'Artifact'],
  list: ['L', 'Artifact'],
  picture: ['Figure', 'Artifact'],
  canvas: ['Figure', 'Artifact'],
};

/** Error for a document definition the engine cannot tag right: a bug in the builder that made it. */
export class TaggingError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(`tagging: ${message}`);
    this.name = 'TaggingError';
    this.code = code;
  }
}

/** The node's `role`, checked against what its kind of node may be. */
export function checkedRole(role: unknown, kind: NodeKind): NodeRole | undefined {
  if (role === undefined) return undefined;
  const allowed = ALLOWED[kind];
  if (typeof role !== 'string' || !(allowed as readonly string[]).includes(role)) {
    throw new TaggingError('E_ROLE', `role ${JSON.stringify(role)} is not allowed on a ${kind} node (allowed: ${allowed.join(', ')})`);
  }
  return role as NodeRole;
}

/** The alternative text of a figure, which must say what it shows. */
export function checkedAlt(alt: unknown, what: string): string {
  if (typeof alt !== 'string' || alt.trim() === '') {
    throw new TaggingError(
      'E_NO_ALT',
      `a figure (${what}) has no alt text: set alt to what it shows, or role: 'Artifact' if it is only decoration`,
    );
  }
  return alt.trim();
}

/** `lang` if set: a non-empty language tag. */
export function checkedLang(lang: unknown): string | undefined {
  if (lang === undefined) return undefined;
  if (typeof lang !== 'string' || !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(lang)) {
    throw new TaggingError('E_LANG', `lang ${JSON.stringify(lang)} is not a BCP 47 language tag such as "fi" or "en-GB"`);
  }
  return lang;
}

/** The text of a pdfmake text node (a string, or an array of strings and text nodes), on one line. */
export function plainText(text: unknown): string {
  const parts: string[] = [];
  const walk = (t: unknown): void => {
    if (typeof t === 'string' || typeof t === 'number') parts.push(String(t));
    else if (Array.isArray(t)) t.forEach(walk);
    else if (t !== null && typeof t === 'object' && 'text' in t) walk((t as { text: unknown }).text);
  };
  walk(text);
  return parts.join('').replace(/\s+/g, ' ').trim();
}
