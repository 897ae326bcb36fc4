import type { ReactNode } from 'react';

type Props = {
  children: ReactNode;
  tone?: 'info' | 'success' | 'warning';
  /** false when the app's announcer already says it (messages that arrive with a new screen). */
  live?: boolean;
};

/** Good news or information, read out politely. `tone` adds an icon as well as colour. */
export function Notice({ children, tone = 'info', live = true }: Props) {
  const icon = tone === 'success' ? '✓' : tone === 'warning' ? '!' : 'i';
  return (
    <p className={`message message-${tone}`} role={live ? 'status' : undefined}>
      <span aria-hidden="true" className="message-icon">
        {icon}
      </span>
      <span>{children}</span>
    </p>
  );
}
