export { GEO_MESSAGES, GEO_OPTIONS, GeoError, geoProblemOf, readPosition, type GeoProblem } from './geolocation';
export { GEOLOCATION_KEY, geolocationFields, type GeolocationFields } from './geolocationFields';
export { LocateButton } from './LocateButton';
export { accuracyText, LocateDialog, PositionDetails, svgDataUrl } from './LocateDialog';
export { IDLE, MAX_POLL_FAILURES, nextLocation, POLL_INTERVAL_MS, reportedPosition,
  type LocationEvent, type LocationState, type ReportedPosition } from './locationMachine';
export { MobileLocationPage } from './MobileLocationPage';
export { timerScheduler, type Scheduler } from './scheduler';
export { useLocationRequest, type LocationRequest } from './useLocationRequest';
