import zlib from 'node:zlib';

/** One entry of a hand-built zip; the declared sizes may lie (that is the point). */
export interface ZipEntry {
  name: string;
  /** Uncompressed content (deflated here), or `deflated` bytes given as they are. */
  content?: Buffer | string;
  deflated?: Buffer;
  /** Declared inflated size; default the real one. */
  declaredSize?: number;
  flags?: number;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export interface ZipTricks {
  /** Central records pointing at an existing entry's local header (overlapping entries, as "better" zip bombs do). */
  overlap?: Array<{ name: string; of: number }>;
  /** Entries left out of the central directory (local data a central-directory reader never sees). */
  hide?: number[];
}

type Record_ = { name: Buffer; crc: number; compressed: number; size: number; offset: number; flags: number };

/** A little-endian structure: [offset, bytes (2 or 4), value] fields in a buffer of `length`. */
function struct(length: number, fields: Array<[number, 2 | 4, number]>): Buffer {
  const buffer = Buffer.alloc(length);
  for (const [at, bytes, value] of fields) {
    if (bytes === 2) buffer.writeUInt16LE(value, at);
    else buffer.writeUInt32LE(value, at);
  }
  return buffer;
}

/** The fields local and central headers share, at the local header's offsets shifted by `shift`. */
const common = (r: Record_, shift: number): Array<[number, 2 | 4, number]> => [[6 + shift, 2, r.flags], [8 + shift, 2, 8],
  [14 + shift, 4, r.crc], [18 + shift, 4, r.compressed], [22 + shift, 4, r.size], [26 + shift, 2, r.name.length]];

/** A zip file as bytes: local headers, data, central directory, end record. */
export function buildZip(entries: ZipEntry[], tricks: ZipTricks = {}): Buffer {
  const locals: Buffer[] = [];
  let offset = 0;
  const records: Record_[] = [];
  for (const entry of entries) {
    const content = typeof entry.content === 'string' ? Buffer.from(entry.content) : entry.content ?? Buffer.alloc(0);
    const data = entry.deflated ?? zlib.deflateRawSync(content);
    const record = { name: Buffer.from(entry.name), crc: crc32(content), compressed: data.length,
      size: entry.declaredSize ?? content.length, offset, flags: entry.flags ?? 0x800 };
    locals.push(struct(30, [[0, 4, 0x04034b50], [4, 2, 20], ...common(record, 0)]), record.name, data);
    offset += 30 + record.name.length + data.length;
    records.push(record);
  }
  const all = [...records.filter((_, i) => !tricks.hide?.includes(i)),
    ...(tricks.overlap ?? []).map(({ name, of }) => ({ ...records[of]!, name: Buffer.from(name) }))];
  const central = Buffer.concat(all.flatMap((r) =>
    [struct(46, [[0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], ...common(r, 2), [42, 4, r.offset]]), r.name]));
  const end = struct(22, [[0, 4, 0x06054b50], [8, 2, all.length], [10, 2, all.length], [12, 4, central.length], [16, 4, offset]]);
  return Buffer.concat([...locals, central, end]);
}

/** The entries every .xlsx has, so a test zip is refused for the reason it is about. */
export const xlsxSkeleton: ZipEntry[] = [
  { name: '[Content_Types].xml', content: '<Types/>' },
  { name: 'xl/workbook.xml', content: '<workbook/>' },
];
