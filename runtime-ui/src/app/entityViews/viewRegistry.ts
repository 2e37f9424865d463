import { lazy, type ComponentType } from 'react';
import type { EntityDefinition, MenuAction } from '../../api';
import { treeShapeOf } from '../recordTree/treeShape';
import { declaredView, ownsEntity, viewField } from './viewOptions';

/** What an entity page receives: the definition in force and the actions the menu grants. */
export interface EntityViewProps {
  definition: EntityDefinition;
  actions: readonly MenuAction[];
}

export interface EntityView {
  Page: ComponentType<EntityViewProps>;
  /** Whether the definition has what this page needs (else the flat list is shown). */
  fits(definition: EntityDefinition): boolean;
}

const RecordTreePage = lazy(() => import('../recordTree').then((m) => ({ default: m.RecordTreePage })));
const SingletonPage = lazy(() => import('../singleton').then((m) => ({ default: m.SingletonPage })));
const MappingPage = lazy(() => import('../mapping').then((m) => ({ default: m.MappingPage })));
const StaffPage = lazy(() => import('../staff').then((m) => ({ default: m.StaffPage })));
const GroupEntryPage = lazy(() => import('../probation').then((m) => ({ default: m.GroupEntryPage })));

/**
 * Entity pages other than the flat list, by the uiSchema's `ui:view`. Add a page here (not in a
 * switch); `/data/:entity` reads this registry.
 */
export const entityViews: Readonly<Record<string, EntityView>> = {
  tree: { Page: RecordTreePage, fits: (d) => treeShapeOf(d) !== undefined },
  singleton: { Page: SingletonPage, fits: () => true },
  mapping: { Page: MappingPage, fits: (d) => viewField(d, 'mappingField') !== undefined },
  staff: { Page: StaffPage, fits: () => true },
  groupEntry: { Page: GroupEntryPage, fits: () => true },
};

/** The registered view for this definition and user, or undefined for the flat list. */
export function chooseView(definition: EntityDefinition, orgLevel: string,
  views: Readonly<Record<string, EntityView>> = entityViews): EntityView | undefined {
  const name = declaredView(definition);
  const view = name ? views[name] : undefined;
  return view && ownsEntity(definition, orgLevel) && view.fits(definition) ? view : undefined;
}
