import Konva from 'konva';

// The scene draws its layers itself, once per frame (scene-renderer.ts): Konva's own redraw on
// every attribute change would draw them a second time. react-konva draws what it changes anyway.
Konva.autoDrawEnabled = false;

export { Konva };
