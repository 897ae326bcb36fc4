import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../../shared/domain/common';
import type { ImageConfig } from '../../../shared/domain/kinds/image';
import type { ImageDoc } from '../../editor/image/doc';
import { distinctProblems, problemShapeIndex } from '../../editor/image/presentation';
import { currentLocale } from '../../i18n';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Kbd } from '../../ui/Kbd';
import { labelName } from './shape-text';

const KNOWN = new Set([
  'box_too_small',
  'box_outside',
  'polygon_outside',
  'point_outside',
  'unknown_label',
  'label_shape',
  'unknown_attribute',
  'attribute_value',
  'duplicate_id',
  'class_required',
  'class_single',
  'class_invalid',
]);

/**
 * The submit button, what must be fixed first (with the shape it is about, in the HITer's
 * language) and what merely deserves a look (crossing polygons).
 */
export function SubmitPanel({
  config,
  doc,
  problems,
  warnings,
  submitting,
  submitError,
  onSubmit,
  onShowShape,
}: {
  config: ImageConfig;
  doc: ImageDoc;
  problems: FieldProblem[];
  warnings: FieldProblem[];
  submitting: boolean;
  submitError: unknown;
  onSubmit: () => void;
  onShowShape: (index: number) => void;
}) {
  const { t } = useTranslation('image');
  const { t: tc } = useTranslation();
  const locale = currentLocale();
  const question = config.classification?.question[locale] ?? '';

  const line = (problem: FieldProblem, warning: boolean) => {
    const index = problemShapeIndex(problem);
    const shape = index === null ? undefined : doc.shapes[index];
    const code = problem.code ?? '';
    if (warning && shape && index !== null)
      return t('warnings.crosses', { number: index + 1, label: labelName(config, shape.label, locale) });
    const what = KNOWN.has(code)
      ? t(`problems.${code as 'box_outside'}`, { ...(problem.params ?? {}), question })
      : t('problems.other', { field: problem.field });
    return shape && index !== null
      ? t('problems.shape', {
          number: index + 1,
          label: labelName(config, shape.label, locale),
          problem: what,
        })
      : what;
  };

  const shown = distinctProblems(problems);
  return (
    <section className="side-section submit-panel" aria-label={t('actions.submit')}>
      {shown.length > 0 && (
        <div className="message message-error problem-list" role="alert">
          <span aria-hidden="true" className="message-icon">
            !
          </span>
          <div>
            <p className="problem-heading">{t('problems.heading')}</p>
            <ul>
              {shown.map((problem, i) => (
                <li key={i}>
                  <ProblemText problem={problem} text={line(problem, false)} onShowShape={onShowShape} />
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {warnings.length > 0 && (
        <div className="message message-warning">
          <span aria-hidden="true" className="message-icon">
            ⚠
          </span>
          <ul>
            {warnings.map((warning, i) => (
              <li key={i}>
                <ProblemText problem={warning} text={line(warning, true)} onShowShape={onShowShape} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {submitError !== null && <ErrorMessage error={submitError} />}
      <button
        type="button"
        className="button-primary button-wide"
        aria-disabled={submitting}
        aria-keyshortcuts="Control+Enter"
        onClick={() => !submitting && onSubmit()}
      >
        {submitting ? t('actions.submitting') : t('actions.submit')}
        <span aria-hidden="true">
          <Kbd>{tc('keys.ctrl')}</Kbd> <Kbd>↵</Kbd>
        </span>
      </button>
    </section>
  );
}

function ProblemText({
  problem,
  text,
  onShowShape,
}: {
  problem: FieldProblem;
  text: string;
  onShowShape: (index: number) => void;
}) {
  const index = problemShapeIndex(problem);
  if (index === null) return <>{text}</>;
  return (
    <button type="button" className="link-button" onClick={() => onShowShape(index)}>
      {text}
    </button>
  );
}
