export { RequestCounter, type WindowCount } from './RequestCounter.js';
export { RequestThrottle, type Requester, type ThrottleVerdict } from './RequestThrottle.js';
export { THROTTLE_RULES, type ThrottleRule } from './rules.js';
export { throttleRequests, waitText } from './throttleMiddleware.js';
