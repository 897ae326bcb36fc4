import type { StringsOf } from './en';

/** Messages of the `form` namespace: `useTranslation('form')`. French is typed against English. */
const en = {
  title: 'Form',
  heading: 'Your answers',
  required: 'required',
  optional: 'optional',
  /** One per problem code of `checkFormValue`, said next to the field. */
  problems: {
    required: 'Fill in this field.',
    too_small: 'Enter {{min}} or more.',
    too_large: 'Enter {{max}} or less.',
    too_short: 'Write at least {{min}} characters.',
    too_long: 'Write at most {{max}} characters.',
    not_a_number: 'Enter a number, like 1250 or 12.5: digits, one decimal point or comma, and spaces.',
    not_url: 'Enter a web address starting with http:// or https://, like https://example.org.',
    not_email: 'Enter an email address, like name@example.org.',
    not_phone: 'Enter a whole phone number, like +228 90 12 34 56: digits, spaces and + ( ) - . only.',
    not_date: 'Enter a real date.',
    pattern: 'This is not in the expected form. See the help under the field.',
    not_an_option: 'Choose one of the options.',
    invalid: 'This value cannot be used. Enter it again.',
  },
  numberRead: 'Read as {{value}}',
  chars: '{{count}} / {{max}} characters',
  context: {
    url: 'Page to research',
    open: 'Open the page in your browser',
    openHint:
      'It opens in your web browser, outside HITdesk, and needs the internet. This form works without it.',
    text: 'Text to read',
    image: 'Document to transcribe',
    imageLabel: 'Image of the document to transcribe',
    imageGone: 'Your answer was received, so the image was removed from this laptop to free space.',
  },
  submit: 'Submit',
  submitting: 'Submitting…',
  ready: 'Ready: press Ctrl+Enter or Submit.',
  blocked_one: '{{count}} field to complete before you can submit:',
  blocked_other: '{{count}} fields to complete before you can submit:',
  goTo: 'Go to {{field}}',
  closed: {
    heading: 'Your answer',
    empty: '—',
    yes: 'Yes',
    no: 'No',
  },
  keys: {
    ctrlEnter: 'Ctrl+Enter',
    undo: 'Ctrl+Z',
    redo: 'Ctrl+Y',
    tab: 'Tab',
  },
  shortcut: {
    submit: 'Submit',
    nextField: 'Next field',
    move: 'Next / previous field',
    undo: 'Undo',
    redo: 'Redo',
    back: 'Back to tasks (outside a field)',
    guidelines: 'Show or hide the instructions (? outside a field, F1 anywhere)',
  },
};

const fr: StringsOf<typeof en> = {
  title: 'Formulaire',
  heading: 'Vos réponses',
  required: 'obligatoire',
  optional: 'facultatif',
  problems: {
    required: 'Remplissez ce champ.',
    too_small: 'Saisissez {{min}} ou plus.',
    too_large: 'Saisissez {{max}} ou moins.',
    too_short: 'Écrivez au moins {{min}} caractères.',
    too_long: 'Écrivez au plus {{max}} caractères.',
    not_a_number:
      'Saisissez un nombre, comme 1250 ou 12,5\u00a0: des chiffres, une virgule ou un point décimal, et des espaces.',
    not_url: 'Saisissez une adresse web commençant par http:// ou https://, comme https://example.org.',
    not_email: 'Saisissez une adresse e-mail, comme nom@example.org.',
    not_phone:
      'Saisissez un numéro de téléphone complet, comme +228 90 12 34 56\u00a0: chiffres, espaces et + ( ) - . seulement.',
    not_date: 'Saisissez une date qui existe.',
    pattern: 'Ce n’est pas dans la forme attendue. Voyez l’aide sous le champ.',
    not_an_option: 'Choisissez une des options.',
    invalid: 'Cette valeur ne peut pas être utilisée. Saisissez-la à nouveau.',
  },
  numberRead: 'Lu\u00a0: {{value}}',
  chars: '{{count}} / {{max}} caractères',
  context: {
    url: 'Page à rechercher',
    open: 'Ouvrir la page dans votre navigateur',
    openHint:
      'Elle s’ouvre dans votre navigateur web, hors de HITdesk, et nécessite Internet. Ce formulaire fonctionne sans.',
    text: 'Texte à lire',
    image: 'Document à transcrire',
    imageLabel: 'Image du document à transcrire',
    imageGone:
      'Votre réponse a été reçue\u00a0: l’image a donc été retirée de cet ordinateur pour libérer de la place.',
  },
  submit: 'Valider',
  submitting: 'Validation…',
  ready: 'C’est prêt\u00a0: appuyez sur Ctrl+Entrée ou sur Valider.',
  blocked_one: '{{count}} champ à compléter avant de valider\u00a0:',
  blocked_other: '{{count}} champs à compléter avant de valider\u00a0:',
  goTo: 'Aller à {{field}}',
  closed: {
    heading: 'Votre réponse',
    empty: '—',
    yes: 'Oui',
    no: 'Non',
  },
  keys: {
    ctrlEnter: 'Ctrl+Entrée',
    undo: 'Ctrl+Z',
    redo: 'Ctrl+Y',
    tab: 'Tab',
  },
  shortcut: {
    submit: 'Valider',
    nextField: 'Champ suivant',
    move: 'Champ suivant / précédent',
    undo: 'Annuler',
    redo: 'Rétablir',
    back: 'Retour aux tâches (hors d’un champ)',
    guidelines: 'Afficher ou masquer les consignes (? hors d’un champ, F1 partout)',
  },
};

export const form = { en, fr };
