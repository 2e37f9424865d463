import { is } from 'bpmn-js/lib/util/ModelUtil';
import { addedTypes, contextPadKept, keepEntries, paletteKept, replaceKept, translate } from './subset';

/* The bpmn-js module that cuts the modeler to the supported subset (see subset.ts). */

type Entries = Record<string, unknown>;
interface Shape { type: string; businessObject: unknown }
interface Services {
  create: { start(event: Event, shape: Shape, context?: object): void };
  elementFactory: { createShape(attrs: { type: string }): Shape };
  autoPlace?: { append(source: Shape, shape: Shape): void };
}
interface Registrar { registerProvider(priority: number, provider: object): void }
interface PopupRegistrar { registerProvider(id: string, priority: number, provider: object): void }

/** After bpmn-js's own providers (priority 1000), so the updaters see their entries. */
const AFTER_DEFAULTS = 500;

function createEntry({ type, className, title }: (typeof addedTypes)[number], { create, elementFactory }: Services) {
  const start = (event: Event) => create.start(event, elementFactory.createShape({ type }));
  return { group: 'activity', className, title, action: { dragstart: start, click: start } };
}

function appendEntry({ type, className, title }: (typeof addedTypes)[number], { create, elementFactory, autoPlace }: Services) {
  const drag = (event: Event, source: Shape) => create.start(event, elementFactory.createShape({ type }), { source });
  const click = (event: Event, source: Shape) => (autoPlace ? autoPlace.append(source, elementFactory.createShape({ type })) : drag(event, source));
  return { group: 'model', className, title: `接一个${title}`, action: { dragstart: drag, click } };
}

/** Our entries for the added types, as `<prefix>.<id>`. */
const added = (prefix: string, make: (spec: (typeof addedTypes)[number]) => unknown): Entries =>
  Object.fromEntries(addedTypes.map((spec) => [`${prefix}.${spec.id}`, make(spec)]));

function SubsetPalette(palette: Registrar, create: Services['create'], elementFactory: Services['elementFactory']) {
  const services = { create, elementFactory };
  palette.registerProvider(AFTER_DEFAULTS, {
    getPaletteEntries: () => (entries: Entries) => ({
      ...keepEntries(entries, paletteKept),
      ...added('create', (spec) => createEntry(spec, services)),
    }),
  });
}
SubsetPalette.$inject = ['palette', 'create', 'elementFactory'];

/** Flow nodes other than end events may have a step appended (as bpmn-js decides for its own entries). */
const appendable = (element: Shape) => is(element, 'bpmn:FlowNode') && !is(element, 'bpmn:EndEvent');

function SubsetContextPad(contextPad: Registrar, create: Services['create'], elementFactory: Services['elementFactory'],
  injector: { get(name: string, strict: false): unknown }) {
  const services: Services = { create, elementFactory, autoPlace: injector.get('autoPlace', false) as Services['autoPlace'] };
  contextPad.registerProvider(AFTER_DEFAULTS, {
    getContextPadEntries: (element: Shape) => (entries: Entries) => ({
      ...keepEntries(entries, contextPadKept),
      ...(appendable(element) ? added('append', (spec) => appendEntry(spec, services)) : {}),
    }),
  });
}
SubsetContextPad.$inject = ['contextPad', 'create', 'elementFactory', 'injector'];

/** The replace menu: supported types only, and no loop / multi-instance toggles (the engine refuses them). */
function SubsetReplaceMenu(popupMenu: PopupRegistrar) {
  popupMenu.registerProvider('bpmn-replace', AFTER_DEFAULTS, {
    getPopupMenuEntries: () => (entries: Entries) => keepEntries(entries, replaceKept),
    getPopupMenuHeaderEntries: () => () => ({}),
  });
}
SubsetReplaceMenu.$inject = ['popupMenu'];

export const subsetModule = {
  __init__: ['zjSubsetPalette', 'zjSubsetContextPad', 'zjSubsetReplaceMenu'],
  zjSubsetPalette: ['type', SubsetPalette],
  zjSubsetContextPad: ['type', SubsetContextPad],
  zjSubsetReplaceMenu: ['type', SubsetReplaceMenu],
  translate: ['value', translate],
};
