import { useCallback, useState } from 'react';
import { readOverrides, type HotkeyOverrides } from '../../editor/image/label-hotkeys';

const keyFor = (projectId: string) => `hitdesk.image.hotkeys.${projectId}`;

function load(projectId: string): HotkeyOverrides {
  try {
    const stored = localStorage.getItem(keyFor(projectId));
    return stored ? readOverrides(JSON.parse(stored)) : {};
  } catch {
    return {};
  }
}

/** A HITer's own label keys for a project, remembered on this laptop. */
export function useHotkeyOverrides(projectId: string) {
  const [overrides, setOverrides] = useState<HotkeyOverrides>(() => load(projectId));
  const save = useCallback(
    (next: HotkeyOverrides) => {
      setOverrides(next);
      try {
        localStorage.setItem(keyFor(projectId), JSON.stringify(next));
      } catch {
        // Storage full or refused: the keys still work until the task closes.
      }
    },
    [projectId],
  );
  return [overrides, save] as const;
}
