// A small layout kit for the printable forms (pdf-lib): A4 pages, bordered table rows like the
// paper's, wrapped paragraphs, circled choices (男・女), check boxes, and empty boxes for a
// signature (自署) or a seal (印). Positions are top-down in points; text is measured with
// fontkit at once and drawn at save, when the fonts it used are embedded as subsets.
import { PDFDocument, type PDFFont, type PDFPage, grayscale, rgb } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { fontBytes, sliceFor } from './fonts.js';

const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = 42;
export const CONTENT_WIDTH = A4.width - 2 * MARGIN;
const LINE = 1.45;
const BLACK = grayscale(0);
const GRAY = grayscale(0.45);
const SHADE = rgb(0.93, 0.93, 0.93);

interface Measurer {
  layout(text: string): { advanceWidth: number };
  unitsPerEm: number;
}
const measurers = new Map<string, Measurer>();
const measurer = (slice: string) => {
  let m = measurers.get(slice);
  if (!m) {
    m = fontkit.create(fontBytes(slice)) as unknown as Measurer;
    measurers.set(slice, m);
  }
  return m;
};

/** The text cut into runs that one font slice prints. */
function runs(text: string): { slice: string; text: string }[] {
  const out: { slice: string; text: string }[] = [];
  for (const ch of text) {
    const slice = sliceFor(ch.codePointAt(0)!);
    const last = out.at(-1);
    if (last?.slice === slice) last.text += ch;
    else out.push({ slice, text: ch });
  }
  return out;
}

export const widthOf = (text: string, size: number) => runs(text).reduce((w, r) => w + (measurer(r.slice).layout(r.text).advanceWidth * size) / measurer(r.slice).unitsPerEm, 0);

/** Breaks text into lines no wider than `width` (Japanese breaks anywhere; newlines kept). */
export function wrap(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const ch of paragraph) {
      if (line && widthOf(line + ch, size) > width) {
        lines.push(line);
        line = ch === ' ' ? '' : ch;
      } else line += ch;
    }
    lines.push(line);
  }
  return lines;
}

export interface TextStyle {
  size?: number;
  color?: typeof BLACK;
  align?: 'left' | 'center' | 'right';
  /** the box the alignment refers to */
  width?: number;
}

/** One cell of a table row. */
export interface Cell {
  /** width in points (the last cell of a row takes what is left when omitted) */
  w?: number;
  text?: string;
  /** a heading cell, shaded like the paper's */
  label?: boolean;
  size?: number;
  align?: 'left' | 'center';
  /** options printed side by side; the chosen ones circled (男・女, 医師 看護師 その他) */
  choices?: { options: string[]; chosen: (string | null | undefined)[]; before?: string; after?: string };
  /** check boxes, flowing over lines; `on` ones ticked */
  checks?: { label: string; on: boolean }[];
  /** left empty for a handwritten signature: a small caption, and what is on record in gray */
  sign?: { caption: string; onRecord?: string | null };
  /** a seal box (印) at the right of the cell */
  seal?: boolean;
}

/** text waiting for its fonts */
type Draw = (font: (slice: string) => PDFFont) => void;

export class FormPdf {
  private readonly draws: Draw[] = [];
  /** the font slices the text needs */
  private readonly slices = new Set<string>();
  page!: PDFPage;
  /** the cursor: distance from the top of the page */
  y = MARGIN;

  private constructor(private readonly doc: PDFDocument) {}

  static async create(title: string): Promise<FormPdf> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    doc.setTitle(title);
    doc.setLanguage('ja-JP');
    doc.setCreator('在宅医療・介護連携 情報共有システム');
    const form = new FormPdf(doc);
    form.newPage();
    return form;
  }

  newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = MARGIN;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): void {
    if (this.y + height > A4.height - MARGIN) this.newPage();
  }

  /** Text with its baseline at top-down `y`. */
  text(text: string, x: number, y: number, style: TextStyle = {}): void {
    const size = style.size ?? 9.5;
    const width = widthOf(text, size);
    const left = style.align === 'center' ? x + ((style.width ?? 0) - width) / 2 : style.align === 'right' ? x + (style.width ?? 0) - width : x;
    const page = this.page;
    const color = style.color ?? BLACK;
    const parts = runs(text);
    for (const r of parts) this.slices.add(r.slice);
    this.draws.push((font) => {
      let at = left;
      for (const r of parts) {
        page.drawText(r.text, { x: at, y: A4.height - y, size, font: font(r.slice), color });
        at += widthOf(r.text, size);
      }
    });
  }

  rect(x: number, y: number, w: number, h: number, o: { fill?: typeof SHADE; border?: boolean; dashed?: boolean } = {}): void {
    this.page.drawRectangle({
      x,
      y: A4.height - y - h,
      width: w,
      height: h,
      color: o.fill,
      borderColor: o.border === false ? undefined : BLACK,
      borderWidth: o.border === false ? 0 : 0.6,
      borderDashArray: o.dashed ? [2, 2] : undefined,
    });
  }

  /** Top line: the form's number at the left, an optional note at the right. */
  formNumber(number: string, right?: string): void {
    this.text(number, MARGIN, this.y + 9, { size: 10 });
    if (right) this.text(right, MARGIN, this.y + 9, { size: 8, align: 'right', width: CONTENT_WIDTH, color: GRAY });
    this.y += 18;
  }

  title(text: string, size = 15): void {
    this.ensure(size * 2.2);
    this.text(text, MARGIN, this.y + size, { size, align: 'center', width: CONTENT_WIDTH });
    // the paper's titles are bold: an underline keeps one font weight (and the file small)
    const w = widthOf(text, size);
    this.page.drawLine({
      start: { x: MARGIN + (CONTENT_WIDTH - w) / 2, y: A4.height - this.y - size - 4 },
      end: { x: MARGIN + (CONTENT_WIDTH + w) / 2, y: A4.height - this.y - size - 4 },
      thickness: 0.6,
    });
    this.y += size * 2.2;
  }

  /** A wrapped paragraph at the cursor. */
  paragraph(text: string, o: { size?: number; indent?: number; align?: 'left' | 'right' | 'center'; gap?: number; color?: typeof BLACK } = {}): void {
    const size = o.size ?? 9.5;
    const indent = o.indent ?? 0;
    for (const line of wrap(text, CONTENT_WIDTH - indent, size)) {
      this.ensure(size * LINE);
      this.text(line, MARGIN + indent, this.y + size, { size, align: o.align, width: CONTENT_WIDTH - indent, color: o.color });
      this.y += size * LINE;
    }
    this.y += o.gap ?? 4;
  }

  gap(points: number): void {
    this.y += points;
  }

  /** A bordered row of cells, as tall as its fullest cell (at least `minHeight`). */
  row(cells: Cell[], minHeight = 20, x0 = MARGIN, total = CONTENT_WIDTH): void {
    const fixed = cells.reduce((s, c) => s + (c.w ?? 0), 0);
    const widths = cells.map((c) => c.w ?? Math.max(total - fixed, 20));
    const pad = 4;
    const content = cells.map((c, i) => {
      const size = c.size ?? 9.5;
      const inner = widths[i] - 2 * pad - (c.seal ? 30 : 0);
      if (c.checks) return { size, lines: [] as string[], height: this.checksHeight(c.checks, inner, size) };
      if (c.sign) return { size, lines: [] as string[], height: 34 };
      const text = c.choices ? [c.choices.before, ...c.choices.options, c.choices.after].filter(Boolean).join('　') : (c.text ?? '');
      const lines = wrap(text, inner, size);
      return { size, lines, height: lines.length * size * LINE + 2 * pad };
    });
    const h = Math.max(minHeight, ...content.map((c) => c.height), cells.some((c) => c.seal) ? 34 : 0);
    this.ensure(h);
    let x = x0;
    cells.forEach((c, i) => {
      const w = widths[i];
      this.rect(x, this.y, w, h, { fill: c.label ? SHADE : undefined });
      const { size, lines } = content[i];
      const inner = w - 2 * pad - (c.seal ? 30 : 0);
      if (c.checks) this.drawChecks(c.checks, x + pad, this.y + pad, inner, size);
      else if (c.sign) {
        this.text(c.sign.caption, x + pad, this.y + 8, { size: 6.5, color: GRAY });
        if (c.sign.onRecord) this.text(`登録内容: ${c.sign.onRecord}`, x + pad, this.y + h - 4, { size: 6.5, color: GRAY, align: 'right', width: inner });
      } else if (c.choices) this.drawChoices(c.choices, x + pad, this.y + (h - size * LINE) / 2 + size, inner, size, c.align);
      else {
        const top = this.y + (h - lines.length * size * LINE) / 2;
        lines.forEach((line, n) => {
          this.text(line, x + pad, top + size + n * size * LINE - 1, { size, align: c.align === 'center' || c.label ? 'center' : 'left', width: inner });
        });
      }
      if (c.seal) this.sealBox(x + w - 30, this.y + (h - 26) / 2);
      x += w;
    });
    this.y += h;
  }

  /** An empty square for the seal (印), the character in light gray as on the paper. */
  sealBox(x: number, y: number, size = 26): void {
    this.rect(x, y, size, size, { dashed: true });
    this.text('印', x, y + size / 2 + 4, { size: 10, color: grayscale(0.7), align: 'center', width: size });
  }

  private drawChoices(ch: NonNullable<Cell['choices']>, x: number, baseline: number, width: number, fullSize: number, align?: 'left' | 'center'): void {
    const parts = [ch.before, ...ch.options, ch.after].filter((p): p is string => !!p);
    const widthAt = (size: number) => parts.reduce((s, p) => s + widthOf(p, size), 0) + widthOf('　', size) * (parts.length - 1);
    // one line, as on the paper: a long one is set smaller rather than cut off at the page's edge
    const size = fullSize * Math.min(1, width / widthAt(fullSize));
    const sep = widthOf('　', size);
    const total = widthAt(size);
    let at = align === 'center' ? x + Math.max(0, (width - total) / 2) : x;
    for (const p of parts) {
      const w = widthOf(p, size);
      this.text(p, at, baseline, { size });
      if (ch.options.includes(p) && ch.chosen.includes(p)) {
        this.page.drawEllipse({ x: at + w / 2, y: A4.height - baseline + size * 0.35, xScale: w / 2 + 3, yScale: size * 0.75, borderColor: BLACK, borderWidth: 0.8 });
      }
      at += w + sep;
    }
  }

  private checksLayout(checks: { label: string; on: boolean }[], width: number, size: number) {
    const box = size * 0.9;
    const placed: { label: string; on: boolean; dx: number; line: number }[] = [];
    let dx = 0;
    let line = 0;
    for (const c of checks) {
      const w = box + 3 + widthOf(c.label, size) + 8;
      if (dx && dx + w > width) {
        dx = 0;
        line++;
      }
      placed.push({ ...c, dx, line });
      dx += w;
    }
    return { placed, lines: line + 1, box };
  }

  private checksHeight(checks: { label: string; on: boolean }[], width: number, size: number): number {
    return this.checksLayout(checks, width, size).lines * size * LINE + 8;
  }

  private drawChecks(checks: { label: string; on: boolean }[], x: number, y: number, width: number, size: number): void {
    const { placed, box } = this.checksLayout(checks, width, size);
    for (const c of placed) {
      const top = y + c.line * size * LINE + 1;
      this.rect(x + c.dx, top + 1, box, box);
      if (c.on) {
        // a tick, as a pen would make it
        const bx = x + c.dx;
        const by = A4.height - top - 1;
        this.page.drawLine({ start: { x: bx + 1.5, y: by - box * 0.55 }, end: { x: bx + box * 0.4, y: by - box + 1.5 }, thickness: 1.1 });
        this.page.drawLine({ start: { x: bx + box * 0.4, y: by - box + 1.5 }, end: { x: bx + box - 1, y: by - 1 }, thickness: 1.1 });
      }
      this.text(c.label, x + c.dx + box + 3, top + size, { size });
    }
  }

  /** Embeds the fonts the text used (as subsets), draws the text and returns the file. */
  async save(): Promise<Buffer> {
    const embedded = new Map<string, PDFFont>();
    for (const slice of this.slices) embedded.set(slice, await this.doc.embedFont(fontBytes(slice), { subset: true }));
    for (const draw of this.draws) draw((slice) => embedded.get(slice)!);
    return Buffer.from(await this.doc.save({ useObjectStreams: true }));
  }
}
