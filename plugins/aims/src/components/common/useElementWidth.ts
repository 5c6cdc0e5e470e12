import { useLayoutEffect, useState } from 'react';

/**
 * The rendered width of an element (0 until measured, and where ResizeObserver is missing),
 * for components that choose their layout by the space their grid cell gives them rather
 * than by the window's width.
 */
export function useElementWidth<T extends HTMLElement>(): [
  (element: T | null) => void,
  number,
] {
  const [element, setElement] = useState<T | null>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(entries => {
      setWidth(entries[0]?.contentRect.width ?? 0);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, width];
}
