export { LoginPage, type LoginArrival } from './LoginPage';
export { loginAlert, type LoginAlert } from './loginAlert';
export { returnPath } from './returnPath';
