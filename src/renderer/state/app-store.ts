import { create } from 'zustand';
import type { Session, Settings, TaskSummary } from '../../shared/bridge';
import type { Locale } from '../../shared/domain/common';
import { call } from '../api';
import { asBridgeError } from '../api/transport';
import type { BridgeError } from '../api';
import { inboxOrder, nextInRun, startRun, type WorkRun } from '../editor/work-run';
import { forgetSyncStatus, loadSyncStatus } from './sync-store';
import { forgetUnseen, loadUnseen } from './work-store';
import { forgetTasks, refreshTasks, replaceTask, useTasksStore } from './tasks-store';

/** Which screen is shown. Signed-in screens need a session; setup and sign-in need none. */
export type Screen =
  | { name: 'starting' }
  | { name: 'bootFailed'; error: BridgeError }
  | { name: 'setup' }
  | { name: 'signIn' }
  | { name: 'inbox' }
  | { name: 'task'; taskId: string }
  | { name: 'work' };

/** What sign-in starts with after "Try the demo": the demo account, filled in. */
export type SignInPrefill = { username: string; password: string };

/** A one-off message for the next screen, said once then cleared. */
export type Flash = 'nextTask' | 'allDone';

type AppState = {
  screen: Screen;
  settings: Settings | null;
  session: Session | null;
  prefill: SignInPrefill | null;
  flash: Flash | null;
  /** Counts flashes, so the same message said twice in a row is still read out twice. */
  flashCount: number;
  run: WorkRun;
  instructionsOpen: boolean;
};

export const useAppStore = create<AppState>(() => ({
  screen: { name: 'starting' },
  settings: null,
  session: null,
  prefill: null,
  flash: null,
  flashCount: 0,
  run: [],
  instructionsOpen: true,
}));

const set = useAppStore.setState;
const get = useAppStore.getState;

function signedOutScreen(settings: Settings): Screen {
  return settings.serverUrl === null ? { name: 'setup' } : { name: 'signIn' };
}

function loadSignedInData(): void {
  void refreshTasks();
  void loadSyncStatus();
  void loadUnseen();
}

/**
 * After a crash, a power cut or a reload, the app reopens on the task that was on screen (its
 * draft and undo history come back with it). Asked once the inbox is showing; a failure keeps it.
 */
async function resumeOpenTask(): Promise<void> {
  try {
    const { taskId } = await call('tasks.resume');
    if (taskId && get().screen.name === 'inbox') {
      await refreshTasks();
      openTask(taskId);
    }
  } catch {
    // Nothing to reopen, or main cannot say: the inbox is a fine place to start.
  }
}

/** Reads settings and session; returns the saved locale, if any, for the caller to apply. */
export async function boot(): Promise<Locale | null> {
  set({ screen: { name: 'starting' } });
  try {
    const [settings, session] = await Promise.all([call('settings.get'), call('session.get')]);
    set({ settings, session, screen: session ? { name: 'inbox' } : signedOutScreen(settings) });
    if (session) {
      loadSignedInData();
      void resumeOpenTask();
    }
    return settings.locale;
  } catch (error) {
    set({ screen: { name: 'bootFailed', error: asBridgeError(error) } });
    return null;
  }
}

export function showSetup(): void {
  if (get().session === null) set({ screen: { name: 'setup' }, prefill: null });
}

export function backToSignIn(): void {
  if (get().settings?.serverUrl) set({ screen: { name: 'signIn' } });
}

export async function startDemo(): Promise<void> {
  const demo = await call('demo.start');
  const settings = await call('settings.get');
  set({
    settings,
    prefill: { username: demo.username, password: demo.password },
    screen: { name: 'signIn' },
  });
}

export async function chooseServer(serverUrl: string): Promise<void> {
  const settings = await call('settings.update', { serverUrl });
  set({ settings, prefill: null, screen: { name: 'signIn' } });
}

export async function signIn(username: string, password: string): Promise<Session> {
  const session = await call('session.signIn', { username, password });
  set({ session, prefill: null, screen: { name: 'inbox' }, run: [] });
  loadSignedInData();
  void resumeOpenTask();
  return session;
}

/**
 * The same HITer signs in again online from inside the app (their token was refused or is gone):
 * the session is upgraded in place, the screen and open task stay, and the waiting work goes out.
 */
export async function reconnect(password: string): Promise<Session> {
  const current = get().session;
  if (current === null) throw new Error('nobody is signed in');
  // An open task's unsaved edit reaches main before the session is swapped under it.
  await Promise.all([...beforeSignOut].map((save) => save()));
  const session = await call('session.signIn', { username: current.username, password });
  set({ session });
  loadSignedInData();
  return session;
}

function signedOut(): void {
  const settings = get().settings;
  set({
    session: null,
    flash: null,
    run: [],
    screen: settings ? signedOutScreen(settings) : { name: 'signIn' },
  });
  forgetTasks();
  forgetSyncStatus();
  forgetUnseen();
}

/** Work that must reach main before the session ends (an open task's unsaved draft). */
const beforeSignOut = new Set<() => Promise<void>>();

export function saveBeforeSignOut(save: () => Promise<void>): () => void {
  beforeSignOut.add(save);
  return () => beforeSignOut.delete(save);
}

export async function signOut(): Promise<void> {
  await Promise.all([...beforeSignOut].map((save) => save()));
  await call('session.signOut');
  signedOut();
}

/** main says the session changed (expired, or came back online). */
export function sessionChanged(session: Session | null): void {
  const wasSignedIn = get().session !== null;
  if (session === null) {
    if (wasSignedIn) signedOut();
    return;
  }
  set({ session });
  if (!wasSignedIn) {
    set({ screen: { name: 'inbox' }, prefill: null });
    loadSignedInData();
  }
}

/** Saves the language choice; the caller has already switched the page to it. */
export async function saveLocale(locale: Locale): Promise<void> {
  try {
    set({ settings: await call('settings.update', { locale }) });
  } catch {
    // The page already speaks the new language; it will simply not be remembered next time.
  }
}

export function openTask(taskId: string): void {
  const run = startRun(inboxOrder(useTasksStore.getState().tasks ?? []), taskId);
  set({ run, flash: null, screen: { name: 'task', taskId } });
}

function withFlash(flash: Flash | null) {
  return flash === null ? { flash } : { flash, flashCount: get().flashCount + 1 };
}

export function showInbox(flash: Flash | null = null): void {
  const left = get().screen;
  set({ screen: { name: 'inbox' }, ...withFlash(flash) });
  // Back on the inbox on purpose: a restart should not reopen that task any more.
  if (left.name === 'task') void call('tasks.leave', { taskId: left.taskId }).catch(() => undefined);
}

/** "My work": the history of submitted tasks, with feedback and pay. */
export function showWork(): void {
  set({ screen: { name: 'work' }, flash: null });
}

/** After a submission: the next open task of the run, or the inbox when the run is done. */
export function taskSubmitted(summary: TaskSummary): void {
  const tasks = replaceTask(summary);
  const next = nextInRun(get().run, summary.taskId, tasks);
  if (next) set({ screen: { name: 'task', taskId: next }, ...withFlash('nextTask') });
  else showInbox('allDone');
  void refreshTasks();
}

export function toggleInstructions(): void {
  set({ instructionsOpen: !get().instructionsOpen });
}

export function clearFlash(): void {
  set({ flash: null });
}
