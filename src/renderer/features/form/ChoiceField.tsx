import type { ReactNode } from 'react';
import { toggleOption } from '../../editor/form/form-draft';
import type { FieldViewProps } from './FormFieldView';
import { fieldInputId } from './FormFieldView';

/** Above this many options, a single form-choice is a drop-down list instead of radio buttons. */
const MAX_RADIOS = 7;

type Props = FieldViewProps & {
  label: ReactNode;
  help: ReactNode;
  error: ReactNode;
  describedBy: string | undefined;
};

/**
 * Single form-choice as radio buttons (or a list when long), multiple form-choice as check boxes, in a
 * fieldset whose legend is the field's label. The first control carries the field's id, so
 * "go to this field" lands on it.
 */
export function ChoiceField({
  field,
  input,
  problem,
  locale,
  onChange,
  onBlur,
  label,
  help,
  error,
  describedBy,
}: Props) {
  const id = fieldInputId(field.code);
  const options = field.options ?? [];
  const invalid = problem ? true : undefined;

  if (field.type === 'single_choice' && options.length > MAX_RADIOS) {
    return (
      <div className={`field form-field${problem ? ' has-problem' : ''}`}>
        <label htmlFor={id}>{label}</label>
        {help}
        <select
          id={id}
          data-field={field.code}
          value={typeof input === 'string' ? input : ''}
          onChange={(event) => onChange(event.target.value === '' ? null : event.target.value, false)}
          onBlur={onBlur}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          aria-required={field.required || undefined}
        >
          <option value="">—</option>
          {options.map((option) => (
            <option key={option.code} value={option.code}>
              {option.label[locale]}
            </option>
          ))}
        </select>
        {error}
      </div>
    );
  }

  const multiple = field.type === 'multiple_choice';
  const chosen = (code: string) => (multiple ? Array.isArray(input) && input.includes(code) : input === code);
  return (
    <fieldset
      className={`field form-field form-choices${problem ? ' has-problem' : ''}`}
      role={multiple ? 'group' : 'radiogroup'}
      aria-describedby={describedBy}
      aria-invalid={multiple ? undefined : invalid}
      aria-required={(!multiple && field.required) || undefined}
      onBlur={(event) => {
        // Left only when the focus goes outside the whole group.
        if (!event.currentTarget.contains(event.relatedTarget)) onBlur();
      }}
    >
      <legend>{label}</legend>
      {help}
      <div className="form-choice-options">
        {options.map((option, index) => (
          <label key={option.code} className="form-choice">
            <input
              id={index === 0 ? id : undefined}
              type={multiple ? 'checkbox' : 'radio'}
              name={id}
              value={option.code}
              data-field={field.code}
              checked={chosen(option.code)}
              aria-invalid={multiple ? invalid : undefined}
              onChange={() =>
                onChange(multiple ? toggleOption(field, input, option.code) : option.code, false)
              }
            />
            <span>{option.label[locale]}</span>
          </label>
        ))}
      </div>
      {error}
    </fieldset>
  );
}
