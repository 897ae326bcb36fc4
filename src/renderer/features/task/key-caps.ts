import { useEffect, useState } from 'react';

/**
 * What a key is called on this HITer's keyboard, for the shortcut sheets. Shortcuts read some keys
 * by position (event.code): the key right of 0 zooms out, and it prints "-" on QWERTY but ")" on
 * AZERTY, so the sheet asks the browser's layout map what to show.
 */
export type LayoutMap = ReadonlyMap<string, string>;

/** The key at `code` as printed on this keyboard, or `fallback` when the layout is not known. */
export function printedKey(layout: LayoutMap | null, code: string, fallback: string): string {
  const printed = layout?.get(code);
  return printed ? printed.toUpperCase() : fallback;
}

type KeyboardWithLayout = { getLayoutMap(): Promise<LayoutMap> };

/** The keyboard's layout map (Chromium: navigator.keyboard), or null until it is known. */
export function useKeyboardLayout(): LayoutMap | null {
  const [layout, setLayout] = useState<LayoutMap | null>(null);
  useEffect(() => {
    const keyboard = (navigator as Navigator & { keyboard?: KeyboardWithLayout }).keyboard;
    if (!keyboard?.getLayoutMap) return;
    let live = true;
    keyboard
      .getLayoutMap()
      .then((map) => live && setLayout(map))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return layout;
}
