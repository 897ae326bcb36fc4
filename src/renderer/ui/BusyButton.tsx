import type { ButtonHTMLAttributes, ReactNode } from 'react';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled' | 'aria-disabled'> & {
  /** Its work is running: a spinner shows and clicks are ignored. */
  busy?: boolean;
  /** Not usable yet (say why next to it, with aria-describedby). */
  blocked?: boolean;
  children: ReactNode;
};

/**
 * A button that stays focusable and keeps its name while busy or blocked (so neither the keyboard
 * focus nor a screen reader loses it): it is aria-disabled and refuses clicks instead.
 */
export function BusyButton({ busy = false, blocked = false, children, onClick, ...rest }: Props) {
  const unusable = busy || blocked;
  return (
    <button
      {...rest}
      aria-disabled={unusable ? true : undefined}
      onClick={(event) => {
        if (unusable) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
