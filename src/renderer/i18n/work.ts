import type { StringsOf } from './en';

/** Messages of the `work` namespace ("My work"): `useTranslation('work')`. French is typed against English. */
const en = {
  title: 'My work',
  back: 'Back to tasks',
  balances: {
    heading: 'Earnings',
    pending: 'Waiting for review',
    accepted: 'Accepted',
    paid: 'Paid',
    asOf: 'As the queue said {{when}}',
    none: 'Your earnings appear here once your work is sent and the queue answers.',
  },
  history: {
    heading: 'What you submitted',
    label: 'Work you submitted, newest first',
    empty: 'Nothing submitted yet. Your tasks appear here as soon as you submit them.',
    loading: 'Loading your work…',
    more: 'Show older work',
    retry: 'Try again',
  },
  item: {
    submitted: 'Submitted {{when}}',
    noReview: 'Not reviewed yet',
  },
  verdict: {
    accepted: 'Review: accepted',
    rejected: 'Review: not accepted',
    corrected: 'Review: corrected by a supervisor',
    reason: 'Reason: {{reason}}',
    comment: 'Comment: “{{comment}}”',
  },
  honeypot: {
    passed: 'Quality check passed ({{score}})',
    failed: 'Quality check not passed ({{score}})',
  },
  earning: {
    pending: '{{amount}} — waiting for review',
    accepted: '{{amount}} — accepted',
    paid: '{{amount}} — paid',
    cancelled: '{{amount}} — cancelled',
  },
  newFeedback_one: '{{count}} new update from the queue.',
  newFeedback_other: '{{count}} new updates from the queue.',
};

const fr: StringsOf<typeof en> = {
  title: 'Mon travail',
  back: 'Retour aux tâches',
  balances: {
    heading: 'Gains',
    pending: 'En attente de vérification',
    accepted: 'Acceptés',
    paid: 'Payés',
    asOf: 'Selon la file de tâches {{when}}',
    none: 'Vos gains apparaissent ici une fois votre travail envoyé et la réponse de la file de tâches reçue.',
  },
  history: {
    heading: 'Ce que vous avez envoyé',
    label: 'Travail envoyé, du plus récent au plus ancien',
    empty: 'Rien d’envoyé pour l’instant. Vos tâches apparaissent ici dès que vous les validez.',
    loading: 'Chargement de votre travail…',
    more: 'Voir le travail plus ancien',
    retry: 'Réessayer',
  },
  item: {
    submitted: 'Validée {{when}}',
    noReview: 'Pas encore vérifiée',
  },
  verdict: {
    accepted: 'Vérification\u00a0: acceptée',
    rejected: 'Vérification\u00a0: non acceptée',
    corrected: 'Vérification\u00a0: corrigée par un superviseur',
    reason: 'Motif\u00a0: {{reason}}',
    comment: 'Commentaire\u00a0: «\u00a0{{comment}}\u00a0»',
  },
  honeypot: {
    passed: 'Contrôle qualité réussi ({{score}})',
    failed: 'Contrôle qualité non réussi ({{score}})',
  },
  earning: {
    pending: '{{amount}} — en attente de vérification',
    accepted: '{{amount}} — accepté',
    paid: '{{amount}} — payé',
    cancelled: '{{amount}} — annulé',
  },
  newFeedback_one: '{{count}} nouvelle information de la file de tâches.',
  newFeedback_other: '{{count}} nouvelles informations de la file de tâches.',
};

export const work = { en, fr };
