import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SignInScreen } from '../features/account/SignInScreen';
import { InboxScreen } from '../features/inbox/InboxScreen';
import { SetupScreen } from '../features/setup/SetupScreen';
import { TaskScreen } from '../features/task/TaskScreen';
import { WorkScreen } from '../features/work/WorkScreen';
import { useAppStore } from '../state/app-store';
import { connectEvents } from '../state/events';
import { AppHeader } from './AppHeader';
import { FlashLine } from './FlashLine';
import { BootFailedScreen, StartingScreen, start } from './StartScreens';

function CurrentScreen() {
  const screen = useAppStore((state) => state.screen);
  switch (screen.name) {
    case 'starting':
      return <StartingScreen />;
    case 'bootFailed':
      return <BootFailedScreen error={screen.error} />;
    case 'setup':
      return <SetupScreen />;
    case 'signIn':
      return <SignInScreen />;
    case 'inbox':
      return <InboxScreen />;
    case 'task':
      // A new key per task: fresh draft, autosave and focus on the heading for each task.
      return <TaskScreen key={screen.taskId} taskId={screen.taskId} />;
    case 'work':
      return <WorkScreen />;
  }
}

export function App() {
  const { t } = useTranslation();
  useEffect(() => {
    const disconnect = connectEvents();
    void start();
    return disconnect;
  }, []);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <main id="main" tabIndex={-1}>
        <FlashLine />
        <CurrentScreen />
      </main>
    </>
  );
}
