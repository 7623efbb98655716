// Noto Sans JP for the printable forms, from @fontsource/noto-sans-jp. Its "japanese" file holds the
// common characters (JIS level 1–2 kanji, kana, ASCII); rarer ones (髙, 﨑 in a name, ①, ※, ■)
// are in one of its numbered slices, found by unicode.json, so a form can print any name. Every
// font is embedded as a subset of the glyphs used (pdf-lib), so a form is tens of kB.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';

const require = createRequire(import.meta.url);
const fontFile = (slice: string) => require.resolve(`@fontsource/noto-sans-jp/files/noto-sans-jp-${slice}-400-normal.woff`);

/** The tables of a WOFF 1.0 file, each inflated (Node's zlib: fontkit reads WOFF itself, but with a
 * pure-JS inflate that took 6–9 s per form here; this takes about 0.1 s, once per process). */
function woffTables(woff: Buffer): { flavor: number; tables: { tag: string; data: Buffer }[] } {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF file');
  const tables = Array.from({ length: woff.readUInt16BE(12) }, (_, i) => {
    const entry = 44 + i * 20;
    const [at, compLength, origLength] = [4, 8, 12].map((o) => woff.readUInt32BE(entry + o));
    const stored = woff.subarray(at, at + compLength);
    return { tag: woff.toString('latin1', entry, entry + 4), data: compLength < origLength ? inflateSync(stored) : Buffer.from(stored) };
  });
  return { flavor: woff.readUInt32BE(4), tables };
}

/**
 * Every glyph padded to 4 bytes, with a long loca. fontkit's subsetter copies glyphs as they are
 * and writes a short loca (offsets / 2) for a small subset: after one odd-length glyph (this font
 * has them) every later glyph of the subset pointed one byte off and printed as nothing.
 */
function padGlyphs(tables: { tag: string; data: Buffer }[]): void {
  const get = (tag: string) => tables.find((t) => t.tag === tag);
  const [head, maxp, loca, glyf] = ['head', 'maxp', 'loca', 'glyf'].map(get);
  if (!head || !maxp || !loca || !glyf) return;
  const numGlyphs = maxp.data.readUInt16BE(4);
  const long = head.data.readInt16BE(50) === 1;
  const offset = (i: number) => (long ? loca.data.readUInt32BE(i * 4) : loca.data.readUInt16BE(i * 2) * 2);
  const glyphs: Buffer[] = [];
  const newLoca = Buffer.alloc((numGlyphs + 1) * 4);
  let at = 0;
  for (let i = 0; i < numGlyphs; i++) {
    const g = glyf.data.subarray(offset(i), offset(i + 1));
    const padded = Buffer.alloc((g.length + 3) & ~3);
    g.copy(padded);
    newLoca.writeUInt32BE(at, i * 4);
    glyphs.push(padded);
    at += padded.length;
  }
  newLoca.writeUInt32BE(at, numGlyphs * 4);
  glyf.data = Buffer.concat(glyphs);
  loca.data = newLoca;
  head.data = Buffer.from(head.data);
  head.data.writeInt16BE(1, 50);
}

/** WOFF 1.0 → the TrueType file inside it, glyphs padded (checksums are not recomputed: nothing reads them). */
export function woffToSfnt(woff: Buffer): Buffer {
  const { flavor, tables } = woffTables(woff);
  padGlyphs(tables);
  const numTables = tables.length;
  const dir = Buffer.alloc(12 + 16 * numTables);
  const searchPower = Math.floor(Math.log2(numTables));
  dir.writeUInt32BE(flavor, 0);
  dir.writeUInt16BE(numTables, 4);
  dir.writeUInt16BE(16 << searchPower, 6);
  dir.writeUInt16BE(searchPower, 8);
  dir.writeUInt16BE(numTables * 16 - (16 << searchPower), 10);
  const bodies: Buffer[] = [];
  let offset = dir.length;
  tables.forEach((t, i) => {
    dir.write(t.tag, 12 + i * 16, 'latin1');
    dir.writeUInt32BE(offset, 20 + i * 16);
    dir.writeUInt32BE(t.data.length, 24 + i * 16);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([dir, ...bodies]);
}

const MAIN = 'japanese';
const fonts = new Map<string, Buffer>();
/** The TrueType bytes of one slice, read once per process. */
export function fontBytes(slice: string): Buffer {
  let bytes = fonts.get(slice);
  if (!bytes) {
    bytes = woffToSfnt(readFileSync(fontFile(slice)));
    fonts.set(slice, bytes);
  }
  return bytes;
}

let main: { hasGlyphForCodePoint(cp: number): boolean } | null = null;
let slices: { slice: string; ranges: [number, number][] }[] | null = null;

function sliceRanges() {
  if (!slices) {
    const table = JSON.parse(readFileSync(require.resolve('@fontsource/noto-sans-jp/unicode.json'), 'utf8')) as Record<string, string>;
    slices = Object.entries(table)
      .filter(([key]) => /^\[\d+\]$/.test(key))
      .map(([key, list]) => ({
        slice: key.slice(1, -1),
        ranges: list.split(',').map((r) => {
          const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
          return [Number.parseInt(a, 16), Number.parseInt(b ?? a, 16)] as [number, number];
        }),
      }));
  }
  return slices;
}

/** Which slice prints this character: the main file when it has it, else the numbered slice that does. */
export function sliceFor(cp: number): string {
  main ??= fontkit.create(fontBytes(MAIN)) as unknown as { hasGlyphForCodePoint(cp: number): boolean };
  if (cp < 0x80 || main.hasGlyphForCodePoint(cp)) return MAIN;
  return sliceRanges().find((s) => s.ranges.some(([a, b]) => cp >= a && cp <= b))?.slice ?? MAIN;
}
