import sharp, { type Metadata } from 'sharp';
import { ValidationError } from '../../errors/index.js';
import type { CleanContext } from './types.js';

// No cache of decoded images between uploads (memory stays bounded by the one image in hand).
sharp.cache(false);

const FORMATS = { 'image/jpeg': 'jpeg', 'image/png': 'png' } as const;
export type ImageMediaType = keyof typeof FORMATS;

const unreadable = () => new ValidationError([{ code: 'UNREADABLE_IMAGE', path: '/file',
  message: '图片无法完整读取（文件已损坏、不完整，或并非真正的 JPG/PNG 图片）：请用相机或截图重新生成图片，另存为 JPG 或 PNG 后重新上传。' }]);

const tooManyPixels = (width: number, height: number, limit: number) => new ValidationError([{ code: 'IMAGE_TOO_LARGE', path: '/file',
  message: `图片尺寸过大（${width}×${height} 像素，最多 ${Math.floor(limit / 1_000_000)} 百万像素）：请把图片缩小（例如长边不超过 4000 像素）后重新上传。` }]);

/**
 * Decodes the whole image and encodes it anew in its own format: what is stored never holds the
 * uploaded bytes themselves, so nothing hidden in them (HTML or a zip in a comment or after the
 * image, EXIF with GPS, XMP, ICC profiles) survives. Orientation is applied to the pixels; the
 * output carries no metadata (sharp's default). The header's size is checked against the pixel
 * limit before anything is decoded, so a "pixel flood" costs nothing; the decoding itself waits
 * for room in the engine's pixel budget.
 */
export async function reencodeImage(mediaType: ImageMediaType, bytes: Buffer, { limits, budget }: CleanContext): Promise<Buffer> {
  const format = FORMATS[mediaType];
  const input = (limitInputPixels: number | false) => sharp(bytes, { limitInputPixels, failOn: 'error', sequentialRead: true });
  let header: Metadata;
  try {
    header = await input(false).metadata(); // the header only: nothing decoded yet
  } catch {
    throw unreadable();
  }
  if (header.format !== format || !header.width || !header.height) throw unreadable();
  if (header.width * header.height > limits.maxImagePixels) throw tooManyPixels(header.width, header.height, limits.maxImagePixels);
  return budget.run(header.width * header.height, async () => {
    try {
      const image = input(limits.maxImagePixels).rotate();
      return await (format === 'jpeg' ? image.jpeg({ quality: 90 }) : image.png()).toBuffer();
    } catch {
      throw unreadable();
    }
  });
}
