import type { LocationReport } from '../../api';

/** Why the phone gave no position, in the words the clerk (or the person holding the phone) needs. */
export type GeoProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported' | 'insecure';

export const GEO_MESSAGES: Readonly<Record<GeoProblem, string>> = {
  denied: '没有获得定位权限。请在弹出的提示中选择“允许”；如果之前选择了“拒绝”，请在手机设置（或微信设置）中允许此网页使用位置信息，然后点击“重新获取”。',
  unavailable: '暂时无法确定当前位置。请打开手机的定位服务（GPS），到室外或靠窗等信号较好的地方，再点击“重新获取”。',
  timeout: '定位超时：20 秒内没有获得位置。请确认手机定位服务（GPS）已打开，到信号较好的地方后点击“重新获取”。',
  unsupported: '此浏览器不支持获取位置。请用手机自带的浏览器或微信扫描二维码打开本页面。',
  insecure: '本页面不是通过安全连接（https）打开的，手机浏览器不允许获取位置。请联系系统管理员处理，或在电脑上手工填写经纬度。',
};

/** The Geolocation API's error codes (1 PERMISSION_DENIED, 2 POSITION_UNAVAILABLE, 3 TIMEOUT). */
const byCode: Readonly<Record<number, GeoProblem>> = { 1: 'denied', 2: 'unavailable', 3: 'timeout' };

export function geoProblemOf(error: { code: number }): GeoProblem {
  return byCode[error.code] ?? 'unavailable';
}

/** High accuracy (GPS), at most 20 s, no cached position. */
export const GEO_OPTIONS: PositionOptions = { enableHighAccuracy: true, timeout: 20_000, maximumAge: 0 };

export class GeoError extends Error {
  constructor(readonly problem: GeoProblem) {
    super(GEO_MESSAGES[problem]);
    this.name = 'GeoError';
  }
}

/** The phone's current position as the report expects it; rejects with a GeoError saying what to do. */
export function readPosition(geolocation: Geolocation | undefined, secure: boolean): Promise<LocationReport> {
  if (!secure) return Promise.reject(new GeoError('insecure'));
  if (!geolocation) return Promise.reject(new GeoError('unsupported'));
  return new Promise((resolve, reject) => {
    geolocation.getCurrentPosition(
      ({ coords }) => resolve({ longitude: coords.longitude, latitude: coords.latitude, accuracy: coords.accuracy }),
      (error) => reject(new GeoError(geoProblemOf(error))),
      GEO_OPTIONS,
    );
  });
}
