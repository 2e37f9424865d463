export { TwoFactorEnrolPage } from './TwoFactorEnrolPage';
export { TwoFactorEnrolment } from './TwoFactorEnrolment';
export { TwoFactorSettings } from './TwoFactorSettings';
