import { useTranslation } from 'react-i18next';
import { backToSignIn, useAppStore } from '../../state/app-store';
import { ScreenHeading } from '../../ui/ScreenHeading';
import { DemoChoice } from './DemoChoice';
import { ServerChoice } from './ServerChoice';

/** First run (or "Change server" from sign-in): the demo, or the centre's queue server. */
export function SetupScreen() {
  const { t } = useTranslation();
  const serverUrl = useAppStore((state) => state.settings?.serverUrl ?? null);
  const demoRunning = useAppStore((state) => state.settings?.demoRunning ?? false);
  return (
    <div className="screen">
      <ScreenHeading>{t('setup.heading')}</ScreenHeading>
      <p className="lead">{t('setup.intro')}</p>
      {serverUrl && (
        <p className="current-server">
          <span>{t('setup.current', { url: serverUrl })}</span>
          <button type="button" className="button-quiet" onClick={backToSignIn}>
            {t('setup.backToSignIn')}
          </button>
        </p>
      )}
      <div className="choices">
        <DemoChoice />
        {/* The demo's own address would only confuse the centre-server field. */}
        <ServerChoice initialUrl={demoRunning ? '' : (serverUrl ?? '')} />
      </div>
    </div>
  );
}
