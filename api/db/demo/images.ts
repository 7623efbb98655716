// Small pictures for the demo, drawn in code (no files, no network): a photo of a pressure area, a
// medication calendar, and "scans" of signed paper forms. Encoded as PNG with node:zlib alone.
import { crc32, deflateSync } from 'node:zlib';

type Rgb = [number, number, number];

class Canvas {
  readonly px: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    fill: Rgb,
  ) {
    this.px = new Uint8Array(width * height * 3);
    this.rect(0, 0, width, height, fill);
  }

  set(x: number, y: number, [r, g, b]: Rgb): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (Math.floor(y) * this.width + Math.floor(x)) * 3;
    this.px[i] = r;
    this.px[i + 1] = g;
    this.px[i + 2] = b;
  }

  rect(x: number, y: number, w: number, h: number, c: Rgb): void {
    for (let j = y; j < y + h; j++) for (let i = x; i < x + w; i++) this.set(i, j, c);
  }

  /** A filled ellipse whose colour fades from `inner` at the centre to `outer` at the rim. */
  blob(cx: number, cy: number, rx: number, ry: number, inner: Rgb, outer: Rgb): void {
    for (let y = cy - ry; y <= cy + ry; y++)
      for (let x = cx - rx; x <= cx + rx; x++) {
        const d = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2;
        if (d <= 1) this.set(x, y, inner.map((v, k) => Math.round(v + (outer[k] - v) * d)) as Rgb);
      }
  }

  png(): Buffer {
    const raw = Buffer.alloc((this.width * 3 + 1) * this.height);
    for (let y = 0; y < this.height; y++) {
      raw[y * (this.width * 3 + 1)] = 0; // filter: none
      Buffer.from(this.px.buffer, y * this.width * 3, this.width * 3).copy(raw, y * (this.width * 3 + 1) + 1);
    }
    const chunk = (type: string, data: Buffer) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(data.length, 0);
      head.write(type, 4, 'ascii');
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
      return Buffer.concat([head, data, crc]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(this.width, 0);
    ihdr.writeUInt32BE(this.height, 4);
    ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  }
}

/** Skin with a reddened area about 3 × 2 cm and a paper scale beside it (仙骨部の発赤). */
export function pressureAreaPhoto(size = 1): Buffer {
  const c = new Canvas(240, 180, [226, 190, 166]);
  for (let y = 0; y < 180; y += 2) for (let x = (y / 2) % 7; x < 240; x += 7) c.set(x, y, [218, 181, 157]); // skin texture
  c.blob(120, 92, Math.round(44 * size), Math.round(30 * size), [205, 92, 84], [222, 170, 150]);
  c.blob(120, 92, Math.round(14 * size), Math.round(9 * size), [190, 70, 70], [205, 92, 84]);
  c.rect(18, 150, 150, 14, [250, 250, 245]); // the measuring tape laid beside it
  for (let i = 0; i <= 150; i += 10) c.rect(18 + i, 150, 1, i % 50 === 0 ? 10 : 6, [40, 40, 40]);
  return c.png();
}

/** A weekly medication calendar on the wall: seven columns, four pockets a day, the taken ones empty. */
export function medicationCalendarPhoto(takenThrough: number): Buffer {
  const c = new Canvas(280, 200, [236, 232, 222]);
  c.rect(14, 12, 252, 176, [250, 248, 240]);
  const colours: Rgb[] = [
    [240, 180, 170],
    [250, 220, 150],
    [170, 210, 170],
    [170, 190, 230],
  ];
  for (let day = 0; day < 7; day++)
    for (let slot = 0; slot < 4; slot++) {
      const x = 22 + day * 35;
      const y = 30 + slot * 38;
      c.rect(x, y, 30, 32, colours[slot]);
      const taken = day * 4 + slot < takenThrough;
      if (!taken) {
        c.blob(x + 10, y + 16, 5, 5, [255, 255, 255], [225, 225, 225]);
        c.blob(x + 20, y + 18, 4, 6, [250, 240, 200], [220, 210, 170]);
      }
    }
  return c.png();
}

/** A scanned A4 form at low resolution: title bar, ruled fields, a stamp and a signature. */
export function scannedForm(seed: number): Buffer {
  const c = new Canvas(210, 297, [252, 252, 250]);
  c.rect(30, 18, 150, 10, [60, 60, 60]);
  for (let i = 0; i < 12; i++) {
    c.rect(20, 50 + i * 16, 170, 1, [150, 150, 150]);
    c.rect(24, 42 + i * 16, 30 + ((seed * 7 + i * 13) % 40), 4, [90, 90, 90]);
  }
  c.blob(160, 250, 14, 14, [200, 40, 40], [230, 120, 120]); // 印
  c.blob(160, 250, 9, 9, [252, 252, 250], [252, 252, 250]);
  for (let x = 40; x < 120; x++) c.set(x, 254 + Math.round(5 * Math.sin((x + seed) / 6)), [30, 30, 80]);
  return c.png();
}
