import fs from 'node:fs';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TemplateMismatchError, UnsafeFileError } from '../excel/index.js';
import { readAll, useFixture } from '../excel/test/fixtures.js';
import { buildZip, xlsxSkeleton } from '../excel/test/zipBuilder.js';
import { boundMemory, MEMORY_BOUND_MIB } from './memory.js';
import { prototypeSnapshot } from './prototype.js';

const fx = useFixture(3);

/** Reads a file as an import does: its rows, or one of our typed refusals (whose message is Chinese). */
async function outcome(bytes: Uint8Array, name: string): Promise<'rows' | 'refused'> {
  const file = fx.file(name);
  fs.writeFileSync(file, bytes);
  try {
    await readAll(file, fx.layout);
    return 'rows';
  } catch (error) {
    expect(error instanceof UnsafeFileError || error instanceof TemplateMismatchError, String(error)).toBe(true);
    expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/);
    return 'refused';
  } finally {
    fs.rmSync(file, { force: true });
    sampleMemory();
  }
}

const sampleMemory = boundMemory({ beforeEach, afterEach },
  (peak) => expect(peak, 'memory growth over the run, MiB').toBeLessThan(MEMORY_BOUND_MIB));

/** Property-based: whatever bytes are uploaded, the reader answers rows or a typed Chinese refusal. */
describe('the import reader under arbitrary files', () => {
  it('refuses arbitrary bytes with a typed error', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
      expect(await outcome(bytes, 'random.xlsx')).toBe('refused');
    }), { numRuns: 100 });
  });

  it('answers a valid export with bytes changed anywhere by rows or a typed refusal, never anything else', async () => {
    const source = fs.readFileSync(fx.source);
    const before = prototypeSnapshot();
    const seen = new Set<string>();
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: source.length - 1 }), fc.integer({ min: 0, max: 255 })),
      { minLength: 1, maxLength: 8 }), async (flips) => {
      const bytes = Buffer.from(source);
      for (const [at, byte] of flips) bytes[at] = byte;
      seen.add(await outcome(bytes, 'flipped.xlsx'));
    }), { numRuns: 150, examples: [[[[0, source[0]!]]]] }); // the first: a byte set to itself (the file as it was)
    expect(prototypeSnapshot()).toEqual(before);
    expect([...seen].sort()).toEqual(['refused', 'rows']); // some changes pass the zip checks and reach the XML reader
  });

  it('answers arbitrary workbook and sheet XML by rows or a typed refusal', async () => {
    const xml = fc.oneof(fc.string({ maxLength: 300 }),
      fc.array(fc.constantFrom('<sheetData>', '</sheetData>', '<row r="2">', '</row>', '<c r="A2" t="s"><v>', '</v></c>',
        '<c r="B2" t="inlineStr"><is><t>', '</t></is></c>', '&lt;', '&#x0;', '<!DOCTYPE x [<!ENTITY e "e">]>', '&e;', '9999999999',
        '<c r="XFD1048576"><v>1</v></c>', '<![CDATA[', ']]>', '__proto__'), { maxLength: 40 }).map((parts) => parts.join('')));
    await fc.assert(fc.asyncProperty(xml, xml, async (workbook, sheet) => {
      const zip = buildZip([xlsxSkeleton[0]!, { name: 'xl/workbook.xml', content: workbook },
        { name: 'xl/worksheets/sheet1.xml', content: sheet }]);
      await outcome(zip, 'xml.xlsx');
    }), { numRuns: 150 });
  });
});
