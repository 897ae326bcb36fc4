import type { Region } from 'wavesurfer.js/plugins/regions';

/** A segment as the waveform shows it: where it lies, its colour and a short text. */
export type RegionView = {
  id: string;
  startMs: number;
  endMs: number;
  /** CSS colour of the label (#rrggbb); the region is drawn see-through in it. */
  color: string;
  /**
   * Short text on the region, e.g. "2 · Speech", or '' for none. Only the selected region carries
   * one: an hour holds hundreds of regions, each label costs layout work, and the list says all.
   */
  content: string;
  selected: boolean;
};

type RegionsApi = {
  getRegions(): Region[];
  addRegion(params: {
    id: string;
    start: number;
    end: number;
    color: string;
    content?: HTMLElement;
    drag: boolean;
    resize: boolean;
  }): Region;
};

export function withAlpha(hex: string, alpha: number): string {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return hex;
  const [r, g, b] = [match[1]!, match[2]!, match[3]!].map((part) => parseInt(part, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

const fill = (view: RegionView) => withAlpha(view.color, view.selected ? 0.42 : 0.2);

function contentElement(view: RegionView): HTMLElement | undefined {
  if (view.content === '') return undefined;
  const element = document.createElement('div');
  element.textContent = view.content;
  element.style.cssText =
    'font: 600 11px system-ui, sans-serif; padding: 1px 4px; margin: 2px; color: #111827;' +
    'background: rgba(255,255,255,0.85); border-radius: 3px; white-space: nowrap; overflow: hidden;' +
    'max-width: calc(100% - 4px); pointer-events: none;';
  if (view.selected) element.style.outline = '2px solid #111827';
  return element;
}

/**
 * Makes the plugin's regions match the views: adds, moves, recolours and removes, touching only
 * what changed (a drag over 200 regions updates one). Returns the ids this call added, so the
 * caller can tell its own regions from ones the HITer is drawing.
 */
export function syncRegions(
  api: RegionsApi,
  views: readonly RegionView[],
  previous: Map<string, RegionView>,
  editable: boolean,
): Map<string, RegionView> {
  const existing = new Map(api.getRegions().map((region) => [region.id, region]));
  const next = new Map<string, RegionView>();
  for (const view of views) {
    next.set(view.id, view);
    const region = existing.get(view.id);
    const start = view.startMs / 1000;
    const end = view.endMs / 1000;
    if (!region) {
      const content = contentElement(view);
      api.addRegion({
        id: view.id,
        start,
        end,
        color: fill(view),
        ...(content ? { content } : {}),
        drag: editable,
        resize: editable,
      });
      continue;
    }
    const before = previous.get(view.id);
    // Half a millisecond: the region's own float position, not a real difference.
    if (Math.abs(region.start - start) > 5e-4 || Math.abs(region.end - end) > 5e-4) {
      region.setOptions({ start, end });
    }
    if (!before || before.color !== view.color || before.selected !== view.selected) {
      region.setOptions({ color: fill(view) });
    }
    if (before && (before.content !== view.content || before.selected !== view.selected)) {
      region.setContent(contentElement(view));
    }
  }
  for (const [id, region] of existing) if (!next.has(id)) region.remove();
  return next;
}
