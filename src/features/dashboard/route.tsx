import { ComingSection } from '../../ui/coming-section.tsx';

export function Component() {
  return <ComingSection ns="dashboard" />;
}
