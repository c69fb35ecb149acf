import { type RefObject, useEffect, useState } from 'react';
import { pageBudgetUsed, pagesNeeded, REPORT_MAX_PAGES } from '../../domain/lessons-report.ts';

export interface PageFit {
  /** A4 pages the laid-out report fills. */
  pages: number;
  /** Share of the allowed pages used (over 1: too long). */
  used: number;
  fits: boolean;
}

/**
 * Measures a report laid out at the printed width with the print type (see dashboard.css,
 * `.report-sheet`) and says how many A4 pages it fills. Measured again whenever its size
 * changes, and once the fonts have loaded (they change the line breaks).
 */
export function usePageFit(ref: RefObject<HTMLElement | null>, ready: boolean): PageFit | null {
  const [fit, setFit] = useState<PageFit | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!ready || !element) return;
    let cancelled = false;
    const measure = () => {
      if (cancelled) return;
      const height = element.scrollHeight;
      // jsdom and hidden elements lay nothing out: no estimate rather than a wrong one.
      if (height === 0) return setFit(null);
      const pages = pagesNeeded(height);
      setFit({ pages, used: pageBudgetUsed(height), fits: pages <= REPORT_MAX_PAGES });
    };
    measure();
    void document.fonts?.ready.then(measure);
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(measure) : null;
    observer?.observe(element);
    return () => {
      cancelled = true;
      observer?.disconnect();
    };
  }, [ref, ready]);
  return fit;
}
