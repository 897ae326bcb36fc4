/**
 * One key opens the project's instructions (guidelines and examples) in every tool: F1, the help
 * key, which no layout moves and which types nothing, so it works from inside a text field too.
 * `?` is the keyboard help of each tool (its shortcut sheet, or its instructions where the
 * shortcuts are always on screen).
 */
export const INSTRUCTIONS_KEY = 'F1';

export function isInstructionsKey(press: {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}): boolean {
  return press.key === INSTRUCTIONS_KEY && !press.ctrlKey && !press.altKey && !press.metaKey;
}
