// Bookmarks: one for every heading in the table of contents, nested by heading level, each pointing
// at the top of its heading.
import type { OutlineItem } from './_internals.ts';

export class Bookmarks {
  private readonly open: Array<{ level: number; item: OutlineItem }> = [];

  constructor(private readonly root: OutlineItem) {}

  /** A bookmark for a heading of `level` drawn at `top` (PDF units from the bottom) of `page`. */
  add(level: number, title: string, page: object, top: number): void {
    while (this.open.length > 0 && (this.open[this.open.length - 1] as { level: number }).level >= level) this.open.pop();
    const parent = this.open[this.open.length - 1]?.item ?? this.root;
    const item = parent.addItem(title);
    // pdfkit points an item at its page with the view fitted; keep the zoom and go to the heading.
    item.outlineData['Dest'] = [page, 'XYZ', null, top, null];
    this.open.push({ level, item });
  }

  /**
   * Shows every bookmark open. pdfkit counts only an item's children, where `/Count` of an open item
   * is the number of all its visible descendants (PDF 32000-1, 12.3.3): counted here.
   */
  finish(): void {
    const count = (item: OutlineItem): number => {
      let visible = 0;
      for (const child of item.children) visible += 1 + count(child);
      if (visible > 0) item.outlineData['Count'] = visible;
      return visible;
    };
    count(this.root);
  }
}
