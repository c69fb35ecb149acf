import { useMemo } from 'react';
import { useRecordsOfType } from '../../db/hooks.ts';
import type { TemplateVersion } from '../../domain/checklist.ts';

/** Every template version on this device (reference data, pulled by all); undefined while loading. */
export function useTemplates(): TemplateVersion[] | undefined {
  const records = useRecordsOfType('checklist-template');
  return useMemo(() => records?.map(({ id, body }) => ({ id, body })), [records]);
}
