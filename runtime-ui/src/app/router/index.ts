export { entityPath, matchPath, navigate, usePath } from './router';
