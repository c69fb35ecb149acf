import type { ReactNode } from 'react';

/**
 * A wide table's box that scrolls sideways on a phone. It is a named region a keyboard can
 * reach, so the columns out of sight can be scrolled to with the arrow keys too.
 */
export function TableScroll({
  label,
  id,
  className,
  focusable = true,
  children,
}: {
  /** What the table shows, as a screen reader announces the region. */
  label: string;
  id?: string;
  className?: string;
  /** False while the box is visually hidden (kept for screen readers and print only). */
  focusable?: boolean;
  children: ReactNode;
}) {
  return (
    <section
      id={id}
      className={className ? `table-scroll ${className}` : 'table-scroll'}
      aria-label={label}
      tabIndex={focusable ? 0 : undefined}
    >
      {children}
    </section>
  );
}
