import type { DiagramElement, ModelerServices, ModdleElement } from '../modeler/services';
import { conditionExpression, extensionValuesWith, type ZjAttrs, type ZjKind } from './zjExtension';

/* Writes through bpmn-js's modeling, so every change is one undoable command and redraws. */

export function writeProperties({ modeling }: ModelerServices, element: DiagramElement, properties: Record<string, unknown>): void {
  modeling.updateProperties(element, properties);
}

/** Sets (or, with every attribute empty, removes) the element's `zj:<kind>` extension element. */
export function writeZj(services: ModelerServices, element: DiagramElement, kind: ZjKind, attrs: ZjAttrs): void {
  const bo = element.businessObject;
  const values = extensionValuesWith(bo, services.moddle, kind, attrs);
  const extensions = bo.extensionElements as ModdleElement | undefined;
  if (extensions) services.modeling.updateModdleProperties(element, extensions, { values });
  else services.modeling.updateProperties(element, { extensionElements: services.moddle.create('bpmn:ExtensionElements', { values }) });
}

/** Sets the FEEL condition of a sequence flow (empty text removes it). */
export function writeCondition(services: ModelerServices, flow: DiagramElement, body: string): void {
  services.modeling.updateProperties(flow, { conditionExpression: conditionExpression(services.moddle, body) });
}

/** Makes the flow its gateway's default flow (which takes no condition), or no longer. */
export function writeDefaultFlow(services: ModelerServices, flow: DiagramElement, isDefault: boolean): void {
  if (!flow.source) return;
  if (isDefault) writeCondition(services, flow, '');
  services.modeling.updateProperties(flow.source, { default: isDefault ? flow.businessObject : undefined });
}
