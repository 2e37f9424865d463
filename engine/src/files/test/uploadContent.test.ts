import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  HTML_PAGE, HttpClient, JPEG_1X1, JPEG_HTML_POLYGLOT, JPEG_THEN_ZIP, JPEG_ZIP_POLYGLOT, jpegWithGps, PDF_MINIMAL, PDF_WITH_SCRIPT,
  pdfWithHiddenAttachment, pngDeclaring, SVG_IMAGE, testDatabases, useTestEngine,
} from '../../testing/index.js';
import { createFileStorage } from '../storageFactory.js';

/** Issue 9 point 2: what an upload may contain, and what is stored of it. */
describe.each(testDatabases())('content of uploads (%s)', (_name, makeDatabase) => {
  // A limit of one megapixel and a decoding budget of 1.5, to show the settings are the ones applied.
  const ctx = useTestEngine(makeDatabase, { uploads: { maxImagePixels: 1_000_000, decodeBudgetPixels: 1_500_000 } });
  let renmin: HttpClient;

  const engine = () => ctx.engine.engine;
  const fileCount = async () => Number((await engine().db.knex('files').count({ n: '*' }).first())!.n);
  /** The bytes the storage holds for an uploaded file, and its row. */
  const stored = async (id: string) => {
    const row = await engine().db.knex('files').where({ id }).first('storage_key', 'filename', 'size');
    return { row, bytes: await createFileStorage(engine().config.storage).get(row.storage_key) };
  };
  /** An upload that must be refused: its status and error, and no row or bytes left behind. */
  const refused = async (filename: string, bytes: Buffer) => {
    const before = await fileCount();
    const response = await renmin.upload('/api/files', filename, bytes, 'image/jpeg');
    expect(await fileCount()).toBe(before);
    return { status: response.status, error: response.body.errors[0] as { code: string; message: string } };
  };

  beforeAll(async () => {
    renmin = ctx.engine.client();
    await renmin.firstLogin('jarmyy001');
  });

  it('stores a JPEG + HTML polyglot re-encoded: an image without the page or its script', async () => {
    expect(JPEG_HTML_POLYGLOT.includes('<script>')).toBe(true);
    const response = await renmin.upload('/api/files', '照片.jpg', JPEG_HTML_POLYGLOT, 'image/jpeg');
    expect(response.status).toBe(201);
    const { bytes, row } = await stored(response.body.id);
    expect(bytes.includes('<script>')).toBe(false);
    expect(bytes.includes('<html')).toBe(false);
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'jpeg', width: 1, height: 1 });
    expect(Number(row.size)).toBe(bytes.length);
    expect((await renmin.download(`/api/files/${response.body.id}`)).bytes.equals(bytes)).toBe(true);
  });

  it('stores a JPEG + ZIP polyglot without the archive', async () => {
    expect(JPEG_ZIP_POLYGLOT.includes('PK\x03\x04', 0, 'latin1')).toBe(true);
    const response = await renmin.upload('/api/files', '照片.jpg', JPEG_ZIP_POLYGLOT, 'image/jpeg');
    expect(response.status).toBe(201);
    const { bytes } = await stored(response.body.id);
    expect(bytes.includes('PK\x03\x04', 0, 'latin1')).toBe(false);
    expect(bytes.includes('PK\x05\x06', 0, 'latin1')).toBe(false);
  });

  it('refuses a JPEG with an archive after its end, an SVG or HTML renamed .jpg: 415, nothing stored', async () => {
    for (const bytes of [JPEG_THEN_ZIP, SVG_IMAGE, HTML_PAGE]) {
      const { status, error } = await refused('照片.jpg', bytes);
      expect(status).toBe(415);
      expect(error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('JPG、PNG 或 PDF') });
    }
  });

  it('refuses a pixel flood from its header, without decoding it: 422 naming the size, memory bounded', async () => {
    const flood = pngDeclaring(50_000, 50_000); // 2.5 gigapixels in a few hundred bytes
    expect(flood.length).toBeLessThan(100_000);
    const rss = process.memoryUsage().rss;
    const { status, error } = await refused('大图.png', flood);
    expect(status).toBe(422);
    expect(error).toMatchObject({ code: 'IMAGE_TOO_LARGE', message: expect.stringContaining('50000×50000') });
    expect(error.message).toContain('缩小');
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024); // decoding it would take 2.5 GB
  });

  it('applies the configured pixel limit (UPLOAD_MAX_PIXELS): at the limit accepted, one row over refused', async () => {
    const png = (width: number, height: number) =>
      sharp({ create: { width, height, channels: 3, background: '#fff' } }).png().toBuffer();
    expect((await renmin.upload('/api/files', '扫描件.png', await png(1000, 1000))).status).toBe(201);
    const { status, error } = await refused('扫描件.png', await png(1000, 1001));
    expect(status).toBe(422);
    expect(error).toMatchObject({ code: 'IMAGE_TOO_LARGE', message: expect.stringContaining('最多 1 百万像素') });
  });

  it('decodes within the pixel budget (UPLOAD_DECODE_BUDGET_PIXELS): an image waits while others fill it, then is stored', async () => {
    const budget = engine().files.decodeBudget;
    expect(budget.budget).toBe(1_500_000);
    let finish!: () => void;
    const held = budget.run(1_000_000, () => new Promise<void>((resolve) => { finish = resolve; })); // another upload decoding
    const image = await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#fff' } }).png().toBuffer();
    const upload = renmin.upload('/api/files', '扫描件.png', image); // 0.6 MP more would pass 1.5 MP
    await expect.poll(() => budget.waiting).toBe(1);
    finish();
    await held;
    expect((await upload).status).toBe(201);
    expect(budget.pixelsInFlight).toBe(0);
  });

  it('strips EXIF (GPS, camera) from a photo and turns it upright as its orientation said', async () => {
    const photo = await jpegWithGps();
    const original = await sharp(photo).metadata();
    expect(original).toMatchObject({ width: 4, height: 2, orientation: 6 });
    expect(original.exif?.includes('TestCam')).toBe(true);
    const response = await renmin.upload('/api/files', '证件照.jpg', photo, 'image/jpeg');
    expect(response.status).toBe(201);
    const { bytes } = await stored(response.body.id);
    const kept = await sharp(bytes).metadata();
    expect(kept).toMatchObject({ format: 'jpeg', width: 2, height: 4 });
    expect([kept.exif, kept.xmp, kept.orientation]).toEqual([undefined, undefined, undefined]);
    expect(bytes.includes('Exif', 0, 'latin1')).toBe(false);
    expect(bytes.includes('TestCam', 0, 'latin1')).toBe(false);
  });

  it('refuses an image that does not decode (damaged inside, framing intact): 422 saying what to upload', async () => {
    const damaged = Buffer.concat([JPEG_1X1.subarray(0, 60), Buffer.alloc(40, 0x55), Buffer.from([0xff, 0xd9])]);
    const { status, error } = await refused('照片.jpg', damaged);
    expect(status).toBe(422);
    expect(error).toMatchObject({ code: 'UNREADABLE_IMAGE', message: expect.stringContaining('另存为 JPG 或 PNG 后重新上传') });
  });

  it('stores a plain PDF as it is, and refuses one with JavaScript or a hidden embedded file', async () => {
    const response = await renmin.upload('/api/files', '证书.pdf', PDF_MINIMAL, 'application/pdf');
    expect(response.status).toBe(201);
    expect((await stored(response.body.id)).bytes.equals(PDF_MINIMAL)).toBe(true);
    for (const pdf of [PDF_WITH_SCRIPT, pdfWithHiddenAttachment()]) {
      const { status, error } = await refused('证书.pdf', pdf);
      expect(status).toBe(422);
      expect(error).toMatchObject({ code: 'PDF_ACTIVE_CONTENT', message: expect.stringContaining('重新生成') });
    }
  });

  it('stores under a random key of its own; the client\'s name is only sanitised metadata', async () => {
    const response = await renmin.upload('/api/files', '../../照片<script>.png', await sharp(JPEG_1X1).png().toBuffer());
    expect(response.status).toBe(201);
    const { row } = await stored(response.body.id);
    expect(row.storage_key).toMatch(/^[0-9a-f]{32}$/);
    expect(row.filename).toBe('照片_script_.png');
  });
});
