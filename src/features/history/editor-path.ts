/** Where each record type with a history link is edited, to go back there. */
const EDITORS: Readonly<Record<string, (id: string) => string>> = {
  hearing: (id) => `/hearings/${id}`,
  training: (id) => `/trainings/${id}`,
  evaluation: (id) => `/checklists/${id}/edit`,
};

export function editorPath(type: string | undefined, id: string): string {
  const path = type && Object.hasOwn(EDITORS, type) ? EDITORS[type] : undefined;
  return path ? path(id) : '/';
}
