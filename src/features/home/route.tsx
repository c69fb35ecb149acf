import { usePendingCount } from '../../db/use-pending-count.ts';
import { HomeView } from './home-view.tsx';

export function Component() {
  return <HomeView today={new Date()} pending={usePendingCount()} />;
}
