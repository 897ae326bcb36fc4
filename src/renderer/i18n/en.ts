import type { BridgeErrorCode } from '../../shared/bridge';
import type { TaskState } from '../../shared/bridge';
import type { TaskKind } from '../../shared/domain/task-kinds';
import { STARTUP_REFUSAL_TEXTS } from '../../shared/bridge/startup-refusal-texts';

/**
 * English, the reference: French is typed against this object's shape (see fr.ts), so a missing
 * or extra key fails the typecheck. Messages speak to a HITer: what happened, then what to do.
 */
export const en = {
  markdown: {
    example: 'Example image',
    exampleMissing: 'This example image is not on this laptop yet: it arrives with the batch once online.',
  },
  app: {
    name: 'HITdesk',
    loading: 'Starting HITdesk…',
    skipToContent: 'Skip to the main content',
  },
  boot: {
    heading: 'HITdesk could not start',
    retry: 'Try again',
  },
  language: {
    label: 'Language',
    // Each language is named in itself, the same in every translation.
    en: 'English',
    fr: 'Français',
  },
  keys: {
    enter: 'Enter',
    escape: 'Esc',
    delete: 'Del',
    shift: 'Shift',
    ctrl: 'Ctrl',
    alt: 'Alt',
    insert: 'Ins',
    space: 'Space',
    numpad: 'Num',
  },
  account: {
    signedInAs: 'Signed in as {{name}}',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
  },
  sync: {
    regionLabel: 'Connection and sending',
    online: 'Online',
    offline: 'Offline',
    connecting: 'Connecting…',
    sending: 'Sending…',
    allSent: 'Everything is sent',
    waiting_one: '{{count}} answer waiting to be sent',
    waiting_other: '{{count}} answers waiting to be sent',
    lastSent: 'Last sent {{when}}',
    lastSentJustNow: 'Last sent just now',
    neverSent: 'Nothing sent yet',
    lastError: 'Last try: {{message}}',
    syncNow: 'Sync now',
    downloadLeft: '{{size}} left to download',
    uploadLeft: '{{size}} left to send',
    needsSignIn_one: 'sign in again to send {{count}} answer',
    needsSignIn_other: 'sign in again to send {{count}} answers',
    refused_one: '{{count}} answer refused',
    refused_other: '{{count}} answers refused',
    superseded_one: '{{count}} answer no longer needed',
    superseded_other: '{{count}} answers no longer needed',
  },
  session: {
    reconnect: {
      heading_one: 'Sign in again to send your answer',
      heading_other: 'Sign in again to send your {{count}} answers',
      headingNone: 'Sign in again to reconnect',
      text: 'The queue server needs your password again before it can take your work. Everything you did is kept on this laptop.',
      submit: 'Sign in again',
    },
  },
  /** Why the queue refused or set aside an answer, in the HITer's words; the server's text is the detail. */
  serverReasons: {
    superseded:
      'Someone else finished this task first after your time on it ran out. Your answer is kept for a supervisor.',
    not_your_task: 'This task is no longer yours on the queue server. Your answer is kept on this laptop.',
    invalid_input:
      'The queue server could not accept this answer as it is. Your answer is kept on this laptop.',
    not_found: 'The queue server no longer has this task. Your answer is kept on this laptop.',
    conflict: 'The queue server already has a different answer for this task. Your answer is kept.',
    idempotency_key_reused:
      'The queue server already has a different answer for this task. Your answer is kept.',
    payload_too_large: 'This answer is too large for the queue server. Your answer is kept on this laptop.',
    forbidden: 'Your account may not send answers to this project. Ask your supervisor.',
    upload_impossible: 'A recording for this answer is missing from this laptop, so it cannot be sent.',
    other: 'The queue server refused this answer. Your answer is kept on this laptop.',
    detail: 'Server message: {{message}}',
  },
  setup: {
    heading: 'Set up HITdesk on this laptop',
    intro: 'Choose how you want to start. You can change this later from the sign-in screen.',
    current: 'Connected now to: {{url}}',
    backToSignIn: 'Back to sign-in',
    demo: {
      heading: 'Try the demo',
      text: 'Practise with sample tasks that stay on this laptop. Nothing is sent to a client and you do not need the internet.',
      button: 'Try the demo',
      starting: 'Starting the demo…',
    },
    server: {
      heading: 'Connect to my centre’s queue server',
      text: 'Your centre gives you the address of its queue server. It starts with https:// or http://.',
      label: 'Queue server address',
      placeholder: 'https://queue.example.org',
      button: 'Connect',
      saving: 'Connecting…',
      problems: {
        empty: 'Enter the address of the queue server.',
        no_scheme: 'Start the address with https:// or http:// (ask your centre which one).',
        not_http: 'The address must start with https:// or http://.',
        not_url: 'This is not a web address. Check it for spaces or typing mistakes.',
      },
    },
  },
  signIn: {
    heading: 'Sign in',
    server: 'Queue server: {{url}}',
    changeServer: 'Change server',
    profilesHeading: 'Already used on this laptop',
    profilesHint: 'Choose your name to fill in your username.',
    username: 'Username',
    password: 'Password',
    showPassword: 'Show password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    demoNote: 'The demo username and password are filled in for you. Press Sign in.',
    missingUsername: 'Enter your username.',
    missingPassword: 'Enter your password.',
    offlineNotice: 'Signed in offline — your work will be sent when the connection returns.',
  },
  kinds: {
    image: 'Image annotation',
    audio_transcription: 'Audio transcription',
    audio_recording: 'Voice recording',
    audio_validation: 'Audio check',
    text_moderation: 'Text moderation',
    form: 'Form',
  } satisfies Record<TaskKind, string>,
  states: {
    todo: 'To do',
    draft: 'Draft saved',
    pending: 'Waiting to be sent',
    accepted: 'Received',
    superseded: 'No longer needed',
    refused: 'Refused',
  } satisfies Record<TaskState, string>,
  inbox: {
    heading: 'Your tasks',
    take: {
      heading: 'Take new tasks',
      countLabel: 'How many tasks?',
      countHint: 'From 1 to 20.',
      button: 'Take tasks',
      taking: 'Taking tasks…',
      taken_one: '{{count}} task taken.',
      taken_other: '{{count}} tasks taken.',
      none: 'No tasks available right now. Try again later.',
      offline:
        'Taking tasks needs the internet connection. The tasks already on this laptop still work without it.',
      badCount: 'Choose a number from 1 to 20.',
    },
    summary: {
      open_one: '{{count}} to do',
      open_other: '{{count}} to do',
      waiting_one: '{{count}} waiting to be sent',
      waiting_other: '{{count}} waiting to be sent',
    },
    listLabel: 'Tasks on this laptop',
    keysHint: 'Move with ↑ ↓ (or J K), open with Enter.',
    loading: 'Loading your tasks…',
    retry: 'Try again',
    emptyHeading: 'No tasks yet',
    emptyText:
      'Choose how many tasks you want and press Take tasks. Taking tasks needs the internet; after that you can work without it.',
    leaseSoon: 'Due {{when}}',
    leaseExpired: 'Time is up for this task',
    serverMessage: 'Message from the server: {{message}}',
    allDone: 'Well done! Your answers are saved and will be sent automatically.',
    myWork: 'My work',
    myWorkNew_one: '{{count}} new',
    myWorkNew_other: '{{count}} new',
    download: {
      heading: 'Task files',
      label: 'Downloading task files',
      tasks: '{{ready}} of {{total}} tasks ready',
      bytes: '{{done}} of {{total}}',
      done: 'All task files are on this laptop. You can work without the internet.',
      waiting: 'The files of some tasks are still downloading. Stay connected until they are all here.',
      offline: 'Downloading stopped: no connection. It goes on by itself when the connection returns.',
      failed_one: '{{count}} file could not be downloaded. Tell your supervisor if it goes on.',
      failed_other: '{{count}} files could not be downloaded. Tell your supervisor if it goes on.',
      full: 'This laptop has no room for more task files. Finish and send the tasks you have to free space.',
      storage: 'Storage used: {{used}} of {{budget}}',
    },
    notReady: 'Files downloading ({{ready}} of {{total}})',
    leaseLost: 'Given to someone else — your answer will still be kept',
    leaseWarning: {
      soonOffline_one:
        '{{count}} task is due soon. Connect to the internet so HITdesk can give you more time, or finish it first.',
      soonOffline_other:
        '{{count}} tasks are due soon. Connect to the internet so HITdesk can give you more time, or finish them first.',
      soon_one: '{{count}} task is due soon. Finish it first.',
      soon_other: '{{count}} tasks are due soon. Finish them first.',
      lost_one:
        '{{count}} task was given to someone else because its time ran out. You can still do it: your answer will be kept for a supervisor.',
      lost_other:
        '{{count}} tasks were given to someone else because their time ran out. You can still do them: your answers will be kept for a supervisor.',
    },
  },
  task: {
    navLabel: 'Task',
    back: 'Back to tasks',
    position: 'Task {{position}} of {{total}}',
    loading: 'Opening the task…',
    loadFailed: 'This task could not be opened',
    unsupported: 'This kind of task cannot be done in this version of HITdesk yet.',
    closed: 'This task is closed. You can read it, but your answer can no longer change.',
    status: 'Status: {{state}}',
    instructions: 'Instructions',
    showInstructions: 'Show instructions',
    hideInstructions: 'Hide instructions',
    shortcutsHeading: 'Keyboard shortcuts',
    shortcut: {
      approve: 'Approve',
      reject: 'Reject',
      reasons: 'Choose a reason',
      submit: 'Submit',
      back: 'Back to tasks',
      instructions: 'Show or hide instructions',
    },
    save: {
      pending: 'Saving…',
      saving: 'Saving…',
      saved: 'Draft saved',
      failed: 'Draft not saved yet — HITdesk will try again',
    },
    next: 'Answer saved. Here is the next task.',
  },
  moderation: {
    textLabel: 'Text to moderate',
    about: 'About this text',
    rating: 'Rating',
    stars: '{{count}} out of 5',
    language: 'Language',
    product: 'Product',
    date: 'Date',
    author: 'Author',
    decision: 'Your decision',
    approve: 'Approve',
    reject: 'Reject',
    reasons: 'Why reject it?',
    submit: 'Submit',
    submitting: 'Submitting…',
    ready: 'Ready: press Enter or Submit.',
    problem: {
      no_decision: 'Choose Approve or Reject first.',
      no_reason: 'Choose why you reject this text.',
    },
    yourAnswer: 'Your answer',
    approved: 'Approved',
    rejected: 'Rejected — {{reason}}',
    unreadableAnswer: 'The answer cannot be shown.',
  },
  errors: {
    invalid_input: 'Something entered is not in the right form. Check it and try again.',
    unknown_call:
      'HITdesk asked for something it cannot do. Restart HITdesk; if it happens again, tell your supervisor.',
    no_server:
      'No queue server is set up on this laptop yet. Choose the demo or enter your centre’s server address.',
    server_unreachable:
      'The queue server cannot be reached. Check the internet connection (Wi-Fi or cable) and try again in a moment.',
    bad_credentials:
      'The username or password is not right. Check them (capital letters count) and try again.',
    offline_unknown_profile:
      'The first sign-in on this laptop needs the internet. Connect and sign in once; after that you can sign in without a connection.',
    not_signed_in: 'You are signed out. Sign in again to continue.',
    session_expired: 'Your session has ended. Sign in again — your work on this laptop is kept.',
    not_found: 'This task is no longer on this laptop. Go back to your tasks.',
    invalid_answer: 'This answer cannot be accepted. Check your decision and reason, then submit again.',
    task_closed:
      'This task is closed: it was already answered or its time ran out. Go back to your tasks and take new ones.',
    no_tasks: 'No tasks available right now. Try again later.',
    too_many_tasks:
      'You already have as many tasks as one person may hold. Finish and send some of them, then take more.',
    client_too_old:
      'This version of HITdesk is too old for the queue server. Ask your supervisor to update HITdesk.',
    server_error:
      'The queue server had a problem. Wait a few minutes and try again; if it goes on, tell your supervisor.',
    demo_unavailable:
      'The demo cannot start on this laptop. Restart HITdesk and try again, or connect to your centre’s server.',
    ...STARTUP_REFUSAL_TEXTS.en,
    internal: 'HITdesk had an unexpected problem. Try again; if it happens again, restart HITdesk.',
  } satisfies Record<BridgeErrorCode, string>,
  /** The same problems in a few words, for the sync indicator in the header. */
  errorsShort: {
    invalid_input: 'something was not in the right form',
    unknown_call: 'HITdesk needs a restart',
    no_server: 'no queue server set up',
    server_unreachable: 'the server cannot be reached',
    bad_credentials: 'please sign in again',
    offline_unknown_profile: 'the internet is needed to sign in',
    not_signed_in: 'please sign in again',
    session_expired: 'please sign in again',
    not_found: 'a task was not found',
    invalid_answer: 'an answer was not accepted',
    task_closed: 'a task was already closed',
    no_tasks: 'no tasks available',
    too_many_tasks: 'you hold the most tasks allowed',
    client_too_old: 'HITdesk needs an update',
    server_error: 'the server had a problem',
    demo_unavailable: 'the demo is not available',
    sqlite_too_old: 'HITdesk needs reinstalling',
    storage_damaged: 'saved data is damaged',
    storage_too_new: 'HITdesk needs an update',
    storage_migration_failed: 'saved data could not be updated',
    internal: 'an unexpected problem',
  } satisfies Record<BridgeErrorCode, string>,
};

/** The shape every language must fill: the same keys, each a string. */
export type Messages = StringsOf<typeof en>;
export type StringsOf<T> = { [K in keyof T]: T[K] extends string ? string : StringsOf<T[K]> };
