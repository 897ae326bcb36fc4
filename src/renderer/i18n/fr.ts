import type { Messages } from './en';
import { STARTUP_REFUSAL_TEXTS } from '../../shared/bridge/startup-refusal-texts';

// French typography: a no-break space (\u00a0) before « : », a narrow one (\u202f) before ? and !.
export const fr: Messages = {
  markdown: {
    example: 'Image d’exemple',
    exampleMissing:
      'Cette image d’exemple n’est pas encore sur cet ordinateur\u00a0: elle arrive avec le lot une fois en ligne.',
  },
  app: {
    name: 'HITdesk',
    loading: 'Démarrage de HITdesk…',
    skipToContent: 'Aller au contenu principal',
  },
  boot: {
    heading: 'HITdesk n’a pas pu démarrer',
    retry: 'Réessayer',
  },
  language: {
    label: 'Langue',
    en: 'English',
    fr: 'Français',
  },
  keys: {
    enter: 'Entrée',
    escape: 'Échap',
    delete: 'Suppr',
    shift: 'Maj',
    ctrl: 'Ctrl',
    alt: 'Alt',
    insert: 'Inser',
    space: 'Espace',
    numpad: 'Pavé num.',
  },
  account: {
    signedInAs: 'Session de {{name}}',
    signOut: 'Se déconnecter',
    signingOut: 'Déconnexion…',
  },
  sync: {
    regionLabel: 'Connexion et envoi',
    online: 'En ligne',
    offline: 'Hors ligne',
    connecting: 'Connexion…',
    sending: 'Envoi en cours…',
    allSent: 'Tout est envoyé',
    waiting_one: '{{count}} réponse en attente d’envoi',
    waiting_other: '{{count}} réponses en attente d’envoi',
    lastSent: 'Dernier envoi {{when}}',
    lastSentJustNow: 'Dernier envoi à l’instant',
    neverSent: 'Rien n’a encore été envoyé',
    lastError: 'Dernier essai\u00a0: {{message}}',
    syncNow: 'Synchroniser maintenant',
    downloadLeft: 'Encore {{size}} à télécharger',
    uploadLeft: 'Encore {{size}} à envoyer',
    needsSignIn_one: 'reconnectez-vous pour envoyer {{count}} réponse',
    needsSignIn_other: 'reconnectez-vous pour envoyer {{count}} réponses',
    refused_one: '{{count}} réponse refusée',
    refused_other: '{{count}} réponses refusées',
    superseded_one: '{{count}} réponse plus nécessaire',
    superseded_other: '{{count}} réponses plus nécessaires',
  },
  session: {
    reconnect: {
      heading_one: 'Reconnectez-vous pour envoyer votre réponse',
      heading_other: 'Reconnectez-vous pour envoyer vos {{count}} réponses',
      headingNone: 'Reconnectez-vous',
      text: 'Le serveur de tâches a besoin de votre mot de passe avant de pouvoir recevoir votre travail. Tout ce que vous avez fait est conservé sur cet ordinateur.',
      submit: 'Me reconnecter',
    },
  },
  serverReasons: {
    superseded:
      'Quelqu’un d’autre a terminé cette tâche avant vous, après la fin de votre délai. Votre réponse est conservée pour un superviseur.',
    not_your_task:
      'Cette tâche ne vous est plus attribuée sur le serveur de tâches. Votre réponse est conservée sur cet ordinateur.',
    invalid_input:
      'Le serveur de tâches ne peut pas accepter cette réponse telle quelle. Votre réponse est conservée sur cet ordinateur.',
    not_found: 'Le serveur de tâches n’a plus cette tâche. Votre réponse est conservée sur cet ordinateur.',
    conflict: 'Le serveur de tâches a déjà une autre réponse pour cette tâche. Votre réponse est conservée.',
    idempotency_key_reused:
      'Le serveur de tâches a déjà une autre réponse pour cette tâche. Votre réponse est conservée.',
    payload_too_large:
      'Cette réponse est trop volumineuse pour le serveur de tâches. Votre réponse est conservée sur cet ordinateur.',
    forbidden: 'Votre compte ne peut pas envoyer de réponses à ce projet. Demandez à votre superviseur.',
    upload_impossible:
      'Un enregistrement de cette réponse manque sur cet ordinateur : elle ne peut pas être envoyée.',
    other: 'Le serveur de tâches a refusé cette réponse. Votre réponse est conservée sur cet ordinateur.',
    detail: 'Message du serveur : {{message}}',
  },
  setup: {
    heading: 'Configurer HITdesk sur cet ordinateur',
    intro:
      'Choisissez comment commencer. Vous pourrez changer ce choix plus tard depuis l’écran de connexion.',
    current: 'Connecté actuellement à\u00a0: {{url}}',
    backToSignIn: 'Retour à la connexion',
    demo: {
      heading: 'Essayer la démo',
      text: 'Entraînez-vous avec des tâches d’exemple qui restent sur cet ordinateur. Rien n’est envoyé à un client et Internet n’est pas nécessaire.',
      button: 'Essayer la démo',
      starting: 'Démarrage de la démo…',
    },
    server: {
      heading: 'Me connecter au serveur de tâches de mon centre',
      text: 'Votre centre vous donne l’adresse de son serveur de tâches. Elle commence par https:// ou http://.',
      label: 'Adresse du serveur de tâches',
      placeholder: 'https://taches.exemple.org',
      button: 'Se connecter au serveur',
      saving: 'Connexion…',
      problems: {
        empty: 'Saisissez l’adresse du serveur de tâches.',
        no_scheme: 'Commencez l’adresse par https:// ou http:// (demandez à votre centre lequel).',
        not_http: 'L’adresse doit commencer par https:// ou http://.',
        not_url: 'Ce n’est pas une adresse web. Vérifiez qu’il n’y a ni espace ni faute de frappe.',
      },
    },
  },
  signIn: {
    heading: 'Connexion',
    server: 'Serveur de tâches\u00a0: {{url}}',
    changeServer: 'Changer de serveur',
    profilesHeading: 'Déjà utilisé sur cet ordinateur',
    profilesHint: 'Choisissez votre nom pour remplir votre identifiant.',
    username: 'Identifiant',
    password: 'Mot de passe',
    showPassword: 'Afficher le mot de passe',
    submit: 'Se connecter',
    submitting: 'Connexion…',
    demoNote: 'L’identifiant et le mot de passe de la démo sont déjà remplis. Appuyez sur Se connecter.',
    missingUsername: 'Saisissez votre identifiant.',
    missingPassword: 'Saisissez votre mot de passe.',
    offlineNotice: 'Connexion hors ligne — votre travail sera envoyé au retour de la connexion.',
  },
  kinds: {
    image: 'Annotation d’image',
    audio_transcription: 'Transcription audio',
    audio_recording: 'Enregistrement de voix',
    audio_validation: 'Vérification audio',
    text_moderation: 'Modération de texte',
    form: 'Formulaire',
  },
  states: {
    todo: 'À faire',
    draft: 'Brouillon enregistré',
    pending: 'En attente d’envoi',
    accepted: 'Reçue',
    superseded: 'Plus nécessaire',
    refused: 'Refusée',
  },
  inbox: {
    heading: 'Vos tâches',
    take: {
      heading: 'Prendre de nouvelles tâches',
      countLabel: 'Combien de tâches\u202f?',
      countHint: 'De 1 à 20.',
      button: 'Prendre des tâches',
      taking: 'Prise des tâches…',
      taken_one: '{{count}} tâche prise.',
      taken_other: '{{count}} tâches prises.',
      none: 'Aucune tâche disponible pour le moment. Réessayez plus tard.',
      offline:
        'Prendre des tâches nécessite une connexion Internet. Les tâches déjà sur cet ordinateur fonctionnent sans connexion.',
      badCount: 'Choisissez un nombre de 1 à 20.',
    },
    summary: {
      open_one: '{{count}} à faire',
      open_other: '{{count}} à faire',
      waiting_one: '{{count}} en attente d’envoi',
      waiting_other: '{{count}} en attente d’envoi',
    },
    listLabel: 'Tâches sur cet ordinateur',
    keysHint: 'Déplacez-vous avec ↑ ↓ (ou J K), ouvrez avec Entrée.',
    loading: 'Chargement de vos tâches…',
    retry: 'Réessayer',
    emptyHeading: 'Pas encore de tâches',
    emptyText:
      'Choisissez combien de tâches vous voulez et appuyez sur Prendre des tâches. Il faut Internet pour prendre des tâches\u00a0; ensuite, vous pouvez travailler sans connexion.',
    leaseSoon: 'À rendre {{when}}',
    leaseExpired: 'Le délai de cette tâche est dépassé',
    serverMessage: 'Message du serveur\u00a0: {{message}}',
    allDone: 'Bravo\u202f! Vos réponses sont enregistrées et seront envoyées automatiquement.',
    myWork: 'Mon travail',
    myWorkNew_one: '{{count}} nouveau',
    myWorkNew_other: '{{count}} nouveaux',
    download: {
      heading: 'Fichiers des tâches',
      label: 'Téléchargement des fichiers des tâches',
      tasks: '{{ready}} tâches prêtes sur {{total}}',
      bytes: '{{done}} sur {{total}}',
      done: 'Tous les fichiers des tâches sont sur cet ordinateur. Vous pouvez travailler sans Internet.',
      waiting:
        'Les fichiers de certaines tâches sont encore en cours de téléchargement. Gardez la connexion jusqu’à ce qu’ils soient tous arrivés.',
      offline:
        'Téléchargement arrêté\u00a0: pas de connexion. Il reprend tout seul quand la connexion revient.',
      failed_one:
        '{{count}} fichier n’a pas pu être téléchargé. Prévenez votre superviseur si cela continue.',
      failed_other:
        '{{count}} fichiers n’ont pas pu être téléchargés. Prévenez votre superviseur si cela continue.',
      full: 'Cet ordinateur n’a plus de place pour d’autres fichiers de tâches. Terminez et envoyez vos tâches pour libérer de la place.',
      storage: 'Espace utilisé\u00a0: {{used}} sur {{budget}}',
    },
    notReady: 'Fichiers en cours de téléchargement ({{ready}} sur {{total}})',
    leaseLost: 'Confiée à quelqu’un d’autre — votre réponse sera tout de même gardée',
    leaseWarning: {
      soonOffline_one:
        '{{count}} tâche est à rendre bientôt. Connectez-vous à Internet pour que HITdesk vous donne plus de temps, ou terminez-la d’abord.',
      soonOffline_other:
        '{{count}} tâches sont à rendre bientôt. Connectez-vous à Internet pour que HITdesk vous donne plus de temps, ou terminez-les d’abord.',
      soon_one: '{{count}} tâche est à rendre bientôt. Terminez-la d’abord.',
      soon_other: '{{count}} tâches sont à rendre bientôt. Terminez-les d’abord.',
      lost_one:
        '{{count}} tâche a été confiée à quelqu’un d’autre car son délai était dépassé. Vous pouvez encore la faire\u00a0: votre réponse sera gardée pour un superviseur.',
      lost_other:
        '{{count}} tâches ont été confiées à quelqu’un d’autre car leur délai était dépassé. Vous pouvez encore les faire\u00a0: vos réponses seront gardées pour un superviseur.',
    },
  },
  task: {
    navLabel: 'Tâche',
    back: 'Retour aux tâches',
    position: 'Tâche {{position}} sur {{total}}',
    loading: 'Ouverture de la tâche…',
    loadFailed: 'Impossible d’ouvrir cette tâche',
    unsupported: 'Ce type de tâche n’est pas encore possible dans cette version de HITdesk.',
    closed: 'Cette tâche est close. Vous pouvez la lire, mais votre réponse ne peut plus changer.',
    status: 'État\u00a0: {{state}}',
    instructions: 'Consignes',
    showInstructions: 'Afficher les consignes',
    hideInstructions: 'Masquer les consignes',
    shortcutsHeading: 'Raccourcis clavier',
    shortcut: {
      approve: 'Approuver',
      reject: 'Rejeter',
      reasons: 'Choisir un motif',
      submit: 'Valider',
      back: 'Retour aux tâches',
      instructions: 'Afficher ou masquer les consignes',
    },
    save: {
      pending: 'Enregistrement…',
      saving: 'Enregistrement…',
      saved: 'Brouillon enregistré',
      failed: 'Brouillon pas encore enregistré — HITdesk va réessayer',
    },
    next: 'Réponse enregistrée. Voici la tâche suivante.',
  },
  moderation: {
    textLabel: 'Texte à modérer',
    about: 'À propos de ce texte',
    rating: 'Note',
    stars: '{{count}} sur 5',
    language: 'Langue',
    product: 'Produit',
    date: 'Date',
    author: 'Auteur',
    decision: 'Votre décision',
    approve: 'Approuver',
    reject: 'Rejeter',
    reasons: 'Pourquoi le rejeter\u202f?',
    submit: 'Valider',
    submitting: 'Validation…',
    ready: 'C’est prêt\u00a0: appuyez sur Entrée ou sur Valider.',
    problem: {
      no_decision: 'Choisissez d’abord Approuver ou Rejeter.',
      no_reason: 'Choisissez pourquoi vous rejetez ce texte.',
    },
    yourAnswer: 'Votre réponse',
    approved: 'Approuvé',
    rejected: 'Rejeté — {{reason}}',
    unreadableAnswer: 'La réponse ne peut pas être affichée.',
  },
  errors: {
    invalid_input: 'Une saisie n’est pas dans la bonne forme. Vérifiez-la et réessayez.',
    unknown_call:
      'HITdesk a demandé une action qu’il ne sait pas faire. Redémarrez HITdesk\u00a0; si cela se reproduit, prévenez votre superviseur.',
    no_server:
      'Aucun serveur de tâches n’est configuré sur cet ordinateur. Choisissez la démo ou saisissez l’adresse du serveur de votre centre.',
    server_unreachable:
      'Le serveur de tâches est injoignable. Vérifiez la connexion Internet (Wi-Fi ou câble) et réessayez dans un moment.',
    bad_credentials:
      'L’identifiant ou le mot de passe n’est pas correct. Vérifiez-les (les majuscules comptent) et réessayez.',
    offline_unknown_profile:
      'La première connexion sur cet ordinateur nécessite Internet. Connectez-vous une fois en ligne\u00a0; ensuite, vous pourrez vous connecter sans connexion.',
    not_signed_in: 'Votre session est fermée. Reconnectez-vous pour continuer.',
    session_expired:
      'Votre session est terminée. Reconnectez-vous — votre travail sur cet ordinateur est conservé.',
    not_found: 'Cette tâche n’est plus sur cet ordinateur. Retournez à vos tâches.',
    invalid_answer:
      'Cette réponse ne peut pas être acceptée. Vérifiez votre décision et le motif, puis validez à nouveau.',
    task_closed:
      'Cette tâche est close\u00a0: elle a déjà reçu une réponse ou son délai est dépassé. Retournez à vos tâches et prenez-en de nouvelles.',
    no_tasks: 'Aucune tâche disponible pour le moment. Réessayez plus tard.',
    too_many_tasks:
      'Vous avez déjà autant de tâches qu’une personne peut en avoir. Terminez et envoyez-en quelques-unes, puis prenez-en d’autres.',
    client_too_old:
      'Cette version de HITdesk est trop ancienne pour le serveur de tâches. Demandez à votre superviseur de mettre HITdesk à jour.',
    server_error:
      'Le serveur de tâches a rencontré un problème. Patientez quelques minutes et réessayez\u00a0; si cela continue, prévenez votre superviseur.',
    demo_unavailable:
      'La démo ne peut pas démarrer sur cet ordinateur. Redémarrez HITdesk et réessayez, ou connectez-vous au serveur de votre centre.',
    ...STARTUP_REFUSAL_TEXTS.fr,
    internal:
      'HITdesk a rencontré un problème inattendu. Réessayez\u00a0; si cela se reproduit, redémarrez HITdesk.',
  },
  errorsShort: {
    invalid_input: 'une saisie n’était pas dans la bonne forme',
    unknown_call: 'HITdesk doit être redémarré',
    no_server: 'aucun serveur de tâches configuré',
    server_unreachable: 'le serveur est injoignable',
    bad_credentials: 'reconnectez-vous',
    offline_unknown_profile: 'Internet est nécessaire pour se connecter',
    not_signed_in: 'reconnectez-vous',
    session_expired: 'reconnectez-vous',
    not_found: 'une tâche est introuvable',
    invalid_answer: 'une réponse n’a pas été acceptée',
    task_closed: 'une tâche était déjà close',
    no_tasks: 'aucune tâche disponible',
    too_many_tasks: 'nombre maximal de tâches atteint',
    client_too_old: 'HITdesk doit être mis à jour',
    server_error: 'le serveur a eu un problème',
    demo_unavailable: 'la démo n’est pas disponible',
    sqlite_too_old: 'HITdesk doit être réinstallé',
    storage_damaged: 'données enregistrées endommagées',
    storage_too_new: 'HITdesk doit être mis à jour',
    storage_migration_failed: 'données non mises à jour',
    internal: 'un problème inattendu',
  },
};
