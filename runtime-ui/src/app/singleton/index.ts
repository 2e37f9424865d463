export { firstEntryData, forFirstEntry } from './singletonForm';
export { SingletonPage } from './SingletonPage';
