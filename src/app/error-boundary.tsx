import { Component, type ReactNode } from 'react';
import { ErrorMessage } from './error-screen.tsx';

interface Props {
  children: ReactNode;
}

/** Last line of defence around the router: a translated message instead of a blank page. */
export class AppErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown) {
    console.error(error);
  }

  override render() {
    return this.state.failed ? <ErrorMessage /> : this.props.children;
  }
}
