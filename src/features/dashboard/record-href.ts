/** Where a record behind a figure is opened. */
export function recordHref(record: {
  type: string;
  id: string;
  territoryIds: readonly string[];
}): string | undefined {
  switch (record.type) {
    case 'hearing':
      return `/hearings/${record.id}`;
    case 'training':
      return `/trainings/${record.id}`;
    case 'evaluation':
      return `/checklists/${record.id}`;
    case 'milestone':
      return record.territoryIds[0] ? `/municipalities/${record.territoryIds[0]}` : undefined;
    case 'lessons-report':
      return `/dashboard/report/${record.id}`;
    default:
      return undefined;
  }
}
