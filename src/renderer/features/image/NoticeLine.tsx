import { useTranslation } from 'react-i18next';
import type { ImageEditorView } from '../../editor/image/image-editor';

/**
 * What the tools just said (a box too small, shapes copied…), read out politely. The tool's hint
 * sits beside it, so the line always says what a click would do now.
 */
export function NoticeLine({ view }: { view: ImageEditorView }) {
  const { t } = useTranslation('image');
  const notice = view.notice;
  const hint =
    view.drawingPoints > 0
      ? t('hint.drawingPolygon', { count: view.drawingPoints })
      : view.drawing
        ? t('hint.drawingBox')
        : t(`hint.${view.tool}`);
  return (
    <div className="notice-line">
      <p className="tool-hint">{hint}</p>
      <p className="tool-notice" role="status" key={notice?.seq ?? 0}>
        {notice ? t(`notice.${notice.code}`, notice.params ?? {}) : ''}
      </p>
    </div>
  );
}
