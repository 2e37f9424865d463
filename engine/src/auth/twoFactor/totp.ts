import QRCode from 'qrcode';
import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app reads it: HMAC-SHA-1, 6 digits, 30-second steps. */
const PERIOD = 30;
const DIGITS = 6;
/** Codes of the previous and the next step are accepted too (clock drift of the phone). */
const WINDOW = 1;
export const TOTP_ISSUER = '医师资格考试预报名';

const totpOf = (secretBase32: string, label = '') =>
  new TOTP({ issuer: TOTP_ISSUER, label, secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: DIGITS, period: PERIOD });

/** A new random secret (160 bits, RFC 4226's recommendation), in base32 as apps take it. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

export const isTotpCode = (code: string): boolean => /^\d{6}$/.test(code);

/** The `otpauth://totp/…` URI of an enrolment and its QR code as an SVG data: URL (made here, no outside service). */
export async function enrolmentOf(secretBase32: string, username: string): Promise<{ otpauthUri: string; qrCode: string }> {
  const otpauthUri = totpOf(secretBase32, username).toString();
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { otpauthUri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}` };
}

/** The time step (counter) a code belongs to, within ±1 step of `nowMs`, or undefined when it matches none. */
export function matchingStep(secretBase32: string, code: string, nowMs: number): number | undefined {
  if (!isTotpCode(code)) return undefined;
  const totp = totpOf(secretBase32);
  const delta = totp.validate({ token: code, timestamp: nowMs, window: WINDOW });
  return delta === null ? undefined : totp.counter({ timestamp: nowMs }) + delta;
}
