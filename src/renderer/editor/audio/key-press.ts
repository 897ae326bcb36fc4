/**
 * A key press as the audio screens' shortcut mappings read it (the same shape as the moderation
 * screen's, declared here so the audio tools do not depend on another feature's files).
 */
export type FocusKind = 'typing' | 'control' | 'decision' | 'none';

export type KeyPress = {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  repeat: boolean;
  focus: FocusKind;
};
