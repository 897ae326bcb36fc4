/** Moving through a list with ↑/↓, j/k, Home/End, and opening the current row with Enter. */
export type ListCommand = { type: 'move'; to: number } | { type: 'open'; index: number };

export type ListKeyPress = { key: string; ctrlKey: boolean; altKey: boolean; metaKey: boolean };

export function listCommandFor(press: ListKeyPress, current: number, length: number): ListCommand | null {
  if (length === 0 || press.ctrlKey || press.altKey || press.metaKey) return null;
  const at = Math.min(Math.max(current, 0), length - 1);
  switch (press.key) {
    case 'ArrowDown':
    case 'j':
      return { type: 'move', to: Math.min(at + 1, length - 1) };
    case 'ArrowUp':
    case 'k':
      return { type: 'move', to: Math.max(at - 1, 0) };
    case 'Home':
      return { type: 'move', to: 0 };
    case 'End':
      return { type: 'move', to: length - 1 };
    case 'Enter':
      return { type: 'open', index: at };
    default:
      return null;
  }
}
