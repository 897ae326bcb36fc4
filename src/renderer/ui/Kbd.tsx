/** A key as printed on the keyboard, e.g. the A of "Approve (A)". */
export function Kbd({ children }: { children: string }) {
  return <kbd className="kbd">{children}</kbd>;
}
