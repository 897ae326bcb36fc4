import { useEffect, type RefObject } from 'react';

/** Room kept under the canvas: the hint line and the page's bottom margin. */
const BELOW = 64;
const MIN_HEIGHT = 320;

/**
 * Sizes the canvas and its panels to the window, whatever sits above them (the header, a toolbar
 * that wraps on a narrow screen): the whole image and the submit button stay in sight on a
 * 1366×768 laptop without scrolling.
 */
export function useFitHeight(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const fit = () => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      const height = Math.max(MIN_HEIGHT, Math.floor(window.innerHeight - top - BELOW));
      element.style.setProperty('--annotator-height', `${height}px`);
    };
    fit();
    const frame = requestAnimationFrame(fit);
    window.addEventListener('resize', fit);
    // Whatever grows or shrinks above (a message appearing, a toolbar wrapping) moves the canvas.
    const observer = new ResizeObserver(fit);
    observer.observe(document.body);
    if (element.parentElement) observer.observe(element.parentElement);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('resize', fit);
      observer.disconnect();
    };
  }, [ref]);
}
