export { EntityPage } from './EntityPage';
export { declaredView, ownsEntity, VIEW_KEY, VIEW_OPTIONS_KEY, viewField } from './viewOptions';
export { chooseView, entityViews, type EntityView, type EntityViewProps } from './viewRegistry';
