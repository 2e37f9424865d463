export { ProfilePage } from './ProfilePage';
export { realNameLabel, roleNames } from './profileLabels';
