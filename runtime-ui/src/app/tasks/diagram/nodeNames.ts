const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

/** The names of the BPMN elements (id → name), for saying in words where an instance stands. */
export function nodeNames(bpmn: string): Map<string, string> {
  const doc = new DOMParser().parseFromString(bpmn, 'application/xml');
  const names = new Map<string, string>();
  for (const element of Array.from(doc.getElementsByTagNameNS(BPMN_NS, '*'))) {
    const id = element.getAttribute('id');
    const name = element.getAttribute('name');
    if (id && name) names.set(id, name);
  }
  return names;
}
