import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { throttleTrailing } from './throttle';
import type { ViewportController } from './viewport-controller';

/** How often the zoom level is written while it keeps changing (a wheel sends dozens a second). */
const READOUT_EVERY_MS = 150;

/**
 * −, +, Fit and 1:1, with the zoom level. The level is written straight into the page, not through
 * React, only when its text changes (a pan leaves it alone), and at most every READOUT_EVERY_MS
 * while it keeps changing, the last value always: each write costs the page a layout and a paint,
 * which during a zoom would land in every frame.
 */
export function ZoomControls({ controller }: { controller: ViewportController }) {
  const { t } = useTranslation('image');
  const readout = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const write = () => {
      const text = t('zoom.level', { percent: Math.round(controller.viewport.scale * 100) });
      if (readout.current && readout.current.textContent !== text) readout.current.textContent = text;
    };
    const throttled = throttleTrailing(write, READOUT_EVERY_MS);
    write();
    const unsubscribe = controller.subscribe(throttled.request);
    return () => {
      unsubscribe();
      throttled.cancel();
    };
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
