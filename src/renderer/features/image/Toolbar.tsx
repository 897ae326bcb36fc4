import { useTranslation } from 'react-i18next';
import type { ImageConfig } from '../../../shared/domain/kinds/image';
import type { ImageEditor, ImageEditorView } from '../../editor/image/image-editor';
import { IMAGE_SHORTCUTS } from '../../editor/image/keys';
import { TOOL_NAMES, TOOL_SHAPE, type ToolName } from '../../editor/image/tools/types';
import { ZoomControls } from '../../canvas/ZoomControls';
import type { ViewportController } from '../../canvas/viewport-controller';
import { Kbd } from '../../ui/Kbd';

const TOOL_KEY: Record<ToolName, string> = {
  select: IMAGE_SHORTCUTS.select,
  box: IMAGE_SHORTCUTS.box,
  polygon: IMAGE_SHORTCUTS.polygon,
  point: IMAGE_SHORTCUTS.point,
};

/** Tools this project can use: selecting always, each drawing tool if some label is drawn that way. */
export function toolsFor(config: ImageConfig): ToolName[] {
  return TOOL_NAMES.filter(
    (tool) => tool === 'select' || config.labels.some((label) => label.shapes.includes(TOOL_SHAPE[tool])),
  );
}

export function Toolbar({
  editor,
  view,
  controller,
  onShortcuts,
}: {
  editor: ImageEditor;
  view: ImageEditorView;
  controller: ViewportController;
  onShortcuts: () => void;
}) {
  const { t } = useTranslation('image');
  const tools = toolsFor(editor.config);
  return (
    <div className="image-toolbar" role="toolbar" aria-label={t('tools.heading')}>
      {tools.length > 1 && (
        <div className="toolbar-group" role="group" aria-label={t('tools.heading')}>
          {tools.map((tool) => (
            <button
              key={tool}
              type="button"
              className="tool-button"
              aria-pressed={view.tool === tool}
              aria-keyshortcuts={TOOL_KEY[tool]}
              onClick={() => editor.run({ type: 'setTool', tool })}
            >
              <ToolIcon tool={tool} />
              {t(`tools.${tool}`)}
              <span aria-hidden="true">
                <Kbd>{TOOL_KEY[tool]}</Kbd>
              </span>
            </button>
          ))}
        </div>
      )}
      <div className="toolbar-group">
        <button
          type="button"
          className="button-quiet"
          aria-disabled={!view.canUndo}
          aria-keyshortcuts={IMAGE_SHORTCUTS.undo}
          onClick={() => view.canUndo && editor.run({ type: 'undo' })}
        >
          <span aria-hidden="true">↶</span> {t('actions.undo')}
        </button>
        <button
          type="button"
          className="button-quiet"
          aria-disabled={!view.canRedo}
          aria-keyshortcuts={IMAGE_SHORTCUTS.redo}
          onClick={() => view.canRedo && editor.run({ type: 'redo' })}
        >
          <span aria-hidden="true">↷</span> {t('actions.redo')}
        </button>
      </div>
      <div className="toolbar-group toolbar-end">
        <ZoomControls controller={controller} />
        <button type="button" className="button-quiet" onClick={onShortcuts} aria-keyshortcuts="?">
          {t('actions.shortcuts')}
          <span aria-hidden="true">
            <Kbd>?</Kbd>
          </span>
        </button>
      </div>
    </div>
  );
}

/** Small pictures of what each tool draws (decorative: the name is written beside them). */
function ToolIcon({ tool }: { tool: ToolName }) {
  const common = {
    width: 16,
    height: 16,
    viewBox: '0 0 16 16',
    'aria-hidden': true,
    focusable: false,
  } as const;
  switch (tool) {
    case 'select':
      return (
        <svg {...common}>
          <path d="M3 1.5 L3 13 L6.2 10 L8.6 14.5 L10.4 13.6 L8 9.2 L12.5 9 Z" fill="currentColor" />
        </svg>
      );
    case 'box':
      return (
        <svg {...common}>
          <rect x="2" y="3" width="12" height="10" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      );
    case 'polygon':
      return (
        <svg {...common}>
          <path
            d="M2 6 L8 2 L14 5 L12 14 L4 12 Z"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinejoin="round"
          />
        </svg>
      );
    case 'point':
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="4" fill="currentColor" />
        </svg>
      );
  }
}
