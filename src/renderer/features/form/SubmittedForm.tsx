import { useTranslation } from 'react-i18next';
import type { TaskSummary } from '../../../shared/bridge';
import type { Locale } from '../../../shared/domain/common';
import {
  formAnswerSchema,
  type FormConfig,
  type FormField,
  type FormValue,
} from '../../../shared/domain/kinds/form';
import { calendarDate } from '../../editor/time';
import { formatDate } from '../../ui/format';
import { ClosedStatus } from '../text/ClosedStatus';

/** A closed form task: the values that were sent, each under its label, and where it stands. */
export function SubmittedForm({
  summary,
  config,
  stored,
  locale,
}: {
  summary: TaskSummary;
  config: FormConfig;
  stored: unknown;
  locale: Locale;
}) {
  const { t } = useTranslation('form');
  const parsed = formAnswerSchema.safeParse(stored);
  const values = parsed.success ? parsed.data.values : {};

  const show = (field: FormField, value: FormValue | undefined): string => {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
      return t('closed.empty');
    if (typeof value === 'boolean') return value ? t('closed.yes') : t('closed.no');
    if (typeof value === 'number')
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(value);
    const label = (code: string) =>
      field.options?.find((option) => option.code === code)?.label[locale] ?? code;
    if (Array.isArray(value)) return value.map(label).join(', ');
    if (field.type === 'date') {
      const date = calendarDate(value);
      if (date) return formatDate(locale, date);
    }
    return field.options ? label(value) : value;
  };

  return (
    <section className="card form-closed" aria-labelledby="form-closed-heading">
      <h2 id="form-closed-heading">{t('closed.heading')}</h2>
      <dl className="form-values">
        {config.fields.map((field) => (
          <div key={field.code}>
            <dt>{field.label[locale]}</dt>
            <dd dir="auto">{show(field, values[field.code])}</dd>
          </div>
        ))}
      </dl>
      <ClosedStatus summary={summary} />
    </section>
  );
}
