import './reference-lists.css';
import { ReferenceListsScreen } from './reference-lists-screen.tsx';

/**
 * Admin: the reference lists (participant groups, positions, SEDP modules). The router's
 * admin-only branch has already turned other roles away before this chunk loads.
 */
export function Component() {
  return <ReferenceListsScreen />;
}
