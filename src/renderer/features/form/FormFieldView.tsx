import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem, Locale } from '../../../shared/domain/common';
import type { FormField } from '../../../shared/domain/kinds/form';
import { codePointLength } from '../../../shared/domain/text-spans';
import type { FormInput } from '../../editor/form/form-draft';
import { parseNumberInput } from '../../editor/form/number-input';
import { ChoiceField } from './ChoiceField';
import { problemText } from './problem-text';

export type FieldViewProps = {
  field: FormField;
  input: FormInput;
  /** The problem to show now (after the field was left once, or a submit attempt), or null. */
  problem: FieldProblem | null;
  locale: Locale;
  /** `burst`: typing (one undo step until the field is left); otherwise one step per change. */
  onChange: (input: FormInput, burst: boolean) => void;
  onBlur: () => void;
};

const INPUT_TYPES = {
  short_text: 'text',
  number: 'text',
  url: 'url',
  email: 'email',
  phone: 'tel',
  date: 'date',
} as const;

export const fieldInputId = (code: string) => `field-${code}`;

/**
 * One field of the form: its label (in the HITer's language, "required" in words), help, the
 * control for its type, and its problem right below it, tied with aria-invalid and
 * aria-describedby so a screen reader says it when the field takes the focus.
 */
export function FormFieldView(props: FieldViewProps) {
  const { field, input, problem, locale } = props;
  const { t } = useTranslation('form');
  const id = fieldInputId(field.code);
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy =
    [field.help ? helpId : null, problem ? errorId : null].filter(Boolean).join(' ') || undefined;
  const a11y = {
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy,
    'aria-required': field.required || undefined,
  } as const;
  const label = (
    <>
      {field.label[locale]}
      {field.required && <span className="field-required"> ({t('required')})</span>}
    </>
  );
  const help = field.help && (
    <p id={helpId} className="hint field-help">
      {field.help[locale]}
    </p>
  );
  const error = problem && (
    <p id={errorId} className="field-error">
      <span aria-hidden="true" className="message-icon">
        !
      </span>
      <span>{problemText(t, problem, locale)}</span>
    </p>
  );
  const text = typeof input === 'string' ? input : '';

  let control: ReactNode;
  switch (field.type) {
    case 'checkbox':
      return (
        <div className={`field form-field form-field-checkbox${problem ? ' has-problem' : ''}`}>
          <label className="checkbox">
            <input
              id={id}
              type="checkbox"
              data-field={field.code}
              checked={input === true}
              onChange={(event) => props.onChange(event.target.checked, false)}
              onBlur={props.onBlur}
              {...a11y}
            />
            <span>{label}</span>
          </label>
          {help}
          {error}
        </div>
      );
    case 'single_choice':
    case 'multiple_choice':
      return <ChoiceField {...props} label={label} help={help} error={error} describedBy={describedBy} />;
    case 'long_text':
      control = (
        <textarea
          id={id}
          data-field={field.code}
          rows={4}
          value={text}
          dir="auto"
          onChange={(event) => props.onChange(event.target.value, true)}
          onBlur={props.onBlur}
          {...a11y}
        />
      );
      break;
    default: {
      const type = INPUT_TYPES[field.type];
      control = (
        <input
          id={id}
          type={type}
          data-field={field.code}
          inputMode={field.type === 'number' ? 'decimal' : undefined}
          autoComplete="off"
          spellCheck={field.type === 'short_text'}
          dir={field.type === 'short_text' ? 'auto' : 'ltr'}
          value={text}
          onChange={(event) => props.onChange(event.target.value, true)}
          onBlur={props.onBlur}
          {...a11y}
        />
      );
    }
  }
  // How a number with separators was read ("10 000" → 10,000; "12,5" → 12.5), to catch a slip.
  const number = field.type === 'number' && /[\s.,]/u.test(text.trim()) ? parseNumberInput(text) : null;
  return (
    <div className={`field form-field${problem ? ' has-problem' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {help}
      {control}
      {number !== null && !problem && (
        <p className="hint field-read">
          {t('numberRead', {
            value: new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(number),
          })}
        </p>
      )}
      {field.maxLength !== undefined && (field.type === 'long_text' || field.type === 'short_text') && (
        <p className="hint field-count">
          {t('chars', { count: codePointLength(text.trim().normalize('NFC')), max: field.maxLength })}
        </p>
      )}
      {error}
    </div>
  );
}
