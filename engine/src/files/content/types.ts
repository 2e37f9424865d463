/** Limits of what an upload's content may be (configuration: `UPLOAD_MAX_PIXELS`). */
export interface ContentLimits {
  /** Largest image, width × height, checked from the header before decoding. */
  maxImagePixels: number;
}

/** The default limits: 40 megapixels (a 7000×5700 photo; phones take 12 to 50). */
export const DEFAULT_CONTENT_LIMITS: ContentLimits = { maxImagePixels: 40_000_000 };
