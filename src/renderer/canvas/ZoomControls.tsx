import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewportController } from './viewport-controller';

/**
 * −, +, Fit and 1:1, with the zoom level. The level is written straight into the page on each
 * change (a wheel sends dozens a second; re-rendering React for each would be waste).
 */
export function ZoomControls({ controller }: { controller: ViewportController }) {
  const { t } = useTranslation('image');
  const readout = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const show = () => {
      if (readout.current)
        readout.current.textContent = t('zoom.level', {
          percent: Math.round(controller.viewport.scale * 100),
        });
    };
    show();
    return controller.subscribe(show);
  }, [controller, t]);

  return (
    <div className="zoom-controls" role="group" aria-label={t('zoom.controls')}>
      <button
        type="button"
        className="button-quiet icon-button"
        onClick={() => controller.zoomOut()}
        aria-keyshortcuts="-"
      >
        <span aria-hidden="true">−</span>
        <span className="visually-hidden">{t('zoom.out')}</span>
      </button>
      <span ref={readout} className="zoom-level" aria-hidden="true" />
      <button
        type="button"
        className="button-quiet icon-button"
        onClick={() => controller.zoomIn()}
        aria-keyshortcuts="+"
      >
        <span aria-hidden="true">+</span>
        <span className="visually-hidden">{t('zoom.in')}</span>
      </button>
      <button
        type="button"
        className="button-quiet"
        onClick={() => controller.fit()}
        title={t('zoom.fitLong')}
        aria-keyshortcuts="F"
      >
        {t('zoom.fit')}
      </button>
      <button
        type="button"
        className="button-quiet"
        onClick={() => controller.actualSize()}
        title={t('zoom.actualLong')}
        aria-label={t('zoom.actualLong')}
        aria-keyshortcuts="0"
      >
        {t('zoom.actual')}
      </button>
    </div>
  );
}
