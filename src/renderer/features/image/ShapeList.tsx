import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isSelfIntersecting } from '../../../shared/domain/kinds/image';
import type { ImageEditorView } from '../../editor/image/image-editor';
import { labelOf } from '../../editor/image/doc';
import type { ImageConfig } from '../../../shared/domain/kinds/image';
import { currentLocale } from '../../i18n';
import { shapeDetails, shapeName } from './shape-text';

const ROW_HEIGHT = 44;
const OVERSCAN = 6;

/**
 * Every shape, in drawing order, as a listbox in step with the canvas: choosing a row selects the
 * shape (and brings it into view), selecting on the canvas scrolls to its row. Only the rows in
 * sight are in the page, so thousands of shapes cost what a screenful does; each row still says
 * its position and the total to screen readers.
 */
export function ShapeList({
  config,
  view,
  onChoose,
  onCopyPrevious,
  copying,
}: {
  config: ImageConfig;
  view: ImageEditorView;
  onChoose: (id: string) => void;
  onCopyPrevious: (() => void) | null;
  copying: boolean;
}) {
  const { t } = useTranslation('image');
  const locale = currentLocale();
  const list = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 320 });
  const shapes = view.doc.shapes;
  const selectedIndex =
    view.selectedId === null ? -1 : shapes.findIndex((shape) => shape.id === view.selectedId);

  // Selected on the canvas: scroll its row into sight.
  useEffect(() => {
    const element = list.current;
    if (!element || selectedIndex < 0) return;
    const top = selectedIndex * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight)
      element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
  }, [selectedIndex]);

  useEffect(() => {
    const element = list.current;
    if (!element) return;
    const measure = () => setScroll({ top: element.scrollTop, height: element.clientHeight || 320 });
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    return () => element.removeEventListener('scroll', measure);
  }, []);

  const first = Math.max(0, Math.floor(scroll.top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shapes.length, Math.ceil((scroll.top + scroll.height) / ROW_HEIGHT) + OVERSCAN);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (shapes.length === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const page = Math.max(1, Math.floor(scroll.height / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: selectedIndex < 0 ? 0 : selectedIndex + 1,
      ArrowUp: selectedIndex < 0 ? shapes.length - 1 : selectedIndex - 1,
      Home: 0,
      End: shapes.length - 1,
      PageDown: selectedIndex + page,
      PageUp: selectedIndex - page,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const index = Math.min(shapes.length - 1, Math.max(0, target));
    onChoose(shapes[index]!.id);
  };

  return (
    <section className="side-section shape-list-section" aria-labelledby="shapes-heading">
      <h2 id="shapes-heading" className="side-heading">
        {t('shapes.count', { count: shapes.length })}
      </h2>
      {shapes.length === 0 && <p className="hint">{t('shapes.empty')}</p>}
      <div
        ref={list}
        className="shape-list"
        role="listbox"
        tabIndex={0}
        aria-label={t('shapes.listLabel')}
        aria-activedescendant={selectedIndex >= 0 ? `shape-option-${selectedIndex}` : undefined}
        onKeyDown={onKeyDown}
        hidden={shapes.length === 0}
      >
        <div style={{ height: shapes.length * ROW_HEIGHT, position: 'relative' }}>
          {shapes.slice(first, last).map((shape, offset) => {
            const index = first + offset;
            const hidden = view.hiddenShapes.has(shape.id) || view.hiddenLabels.has(shape.label);
            const locked = view.lockedShapes.has(shape.id) || view.lockedLabels.has(shape.label);
            const crosses = shape.type === 'polygon' && isSelfIntersecting(shape.points);
            const flags = [
              hidden && t('shapes.hidden'),
              locked && t('shapes.locked'),
              crosses && `⚠ ${t('shapes.crosses')}`,
            ]
              .filter(Boolean)
              .join(' · ');
            return (
              <div
                key={shape.id}
                id={`shape-option-${index}`}
                role="option"
                aria-selected={index === selectedIndex}
                aria-setsize={shapes.length}
                aria-posinset={index + 1}
                className={`shape-row${hidden ? ' shape-row-hidden' : ''}`}
                style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
                onClick={() => onChoose(shape.id)}
              >
                <span
                  className="swatch"
                  style={{ background: labelOf(config, shape.label)?.color ?? '#8a93a3' }}
                  aria-hidden="true"
                />
                <span className="shape-row-text">
                  <span className="shape-row-name">{shapeName(t, config, shape, index, locale)}</span>
                  <span className="shape-row-details">
                    {shapeDetails(t, shape)}
                    {flags && ` · ${flags}`}
                  </span>
                </span>
              </div>
            );
          })}
        </div>
      </div>
      {onCopyPrevious && (
        <button
          type="button"
          className="button-quiet button-small copy-previous"
          aria-disabled={copying}
          onClick={() => !copying && onCopyPrevious()}
        >
          {copying ? t('actions.copying') : t('actions.copyPrevious')}
        </button>
      )}
    </section>
  );
}
