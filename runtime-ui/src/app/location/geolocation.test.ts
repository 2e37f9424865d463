import { describe, expect, it } from 'vitest';
import { GEO_MESSAGES, GEO_OPTIONS, GeoError, geoProblemOf, readPosition } from './geolocation';

/** A stand-in for the browser's Geolocation that answers once, with a position or an error code. */
function geolocation(answer: { coords: Partial<GeolocationCoordinates> } | { code: number }) {
  const asked: Array<PositionOptions | undefined> = [];
  const api = {
    getCurrentPosition(ok: PositionCallback, fail?: PositionErrorCallback | null, options?: PositionOptions) {
      asked.push(options);
      if ('code' in answer) fail?.({ code: answer.code, message: '', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 } as GeolocationPositionError);
      else ok({ coords: answer.coords, timestamp: 0 } as GeolocationPosition);
    },
  } as unknown as Geolocation;
  return { api, asked };
}

const problemOf = (promise: Promise<unknown>) => promise.then(() => undefined, (e: GeoError) => e.problem);

describe('geolocation', () => {
  it('maps the API\'s error codes to problems with Chinese messages that say what to do', () => {
    expect([1, 2, 3, 99].map((code) => geoProblemOf({ code }))).toEqual(['denied', 'unavailable', 'timeout', 'unavailable']);
    expect(GEO_MESSAGES.denied).toContain('允许');
    expect(GEO_MESSAGES.timeout).toContain('20 秒');
    expect(GEO_MESSAGES.unavailable).toContain('GPS');
    expect(new GeoError('insecure').message).toContain('https');
  });

  it('reads the position with high accuracy, a 20 s timeout and no cached value', async () => {
    const geo = geolocation({ coords: { longitude: 114.3, latitude: 30.6, accuracy: 15 } });
    expect(await readPosition(geo.api, true)).toEqual({ longitude: 114.3, latitude: 30.6, accuracy: 15 });
    expect(geo.asked).toEqual([GEO_OPTIONS]);
    expect(GEO_OPTIONS).toEqual({ enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 });
  });

  it('refuses with the matching problem: denied, timeout, no API, not https', async () => {
    expect(await problemOf(readPosition(geolocation({ code: 1 }).api, true))).toBe('denied');
    expect(await problemOf(readPosition(geolocation({ code: 3 }).api, true))).toBe('timeout');
    expect(await problemOf(readPosition(undefined, true))).toBe('unsupported');
    expect(await problemOf(readPosition(geolocation({ code: 1 }).api, false))).toBe('insecure');
  });
});
