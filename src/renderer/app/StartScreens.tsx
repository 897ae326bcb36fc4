import { useTranslation } from 'react-i18next';
import type { BridgeError } from '../../shared/bridge';
import { switchLanguage } from '../i18n';
import { boot } from '../state/app-store';
import { ErrorMessage } from '../ui/ErrorMessage';
import { ScreenHeading } from '../ui/ScreenHeading';

export function StartingScreen() {
  const { t } = useTranslation();
  return (
    <div className="screen screen-narrow">
      <p className="starting" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('app.loading')}
      </p>
    </div>
  );
}

export async function start(): Promise<void> {
  const locale = await boot();
  if (locale) await switchLanguage(locale);
}

/** main (or the browser-mode host) did not answer: say so and offer to try again. */
export function BootFailedScreen({ error }: { error: BridgeError }) {
  const { t } = useTranslation();
  return (
    <div className="screen screen-narrow">
      <ScreenHeading>{t('boot.heading')}</ScreenHeading>
      <ErrorMessage error={error} />
      <button type="button" className="button-primary" onClick={() => void start()}>
        {t('boot.retry')}
      </button>
    </div>
  );
}
