import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The one h1 of a screen. It takes the focus when the screen appears, so screen readers announce
 * where the HITer arrived and Tab starts from the top of the new screen.
 */
export function ScreenHeading({ children, id }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} id={id} tabIndex={-1} className="screen-heading">
      {children}
    </h1>
  );
}
