import { useTranslation } from 'react-i18next';
import type { TextModerationConfig } from '../../../shared/domain/kinds/text-moderation';
import { currentLocale } from '../../i18n';
import { useAppStore } from '../../state/app-store';
import { InstructionsPanel } from '../task/InstructionsPanel';

/**
 * The project's guidelines and worked examples, one key away (? opens and closes both, and the
 * choice is remembered between tasks).
 */
export function Guidelines({ instructions, config }: { instructions: string; config: TextModerationConfig }) {
  const { t } = useTranslation('moderation');
  const open = useAppStore((state) => state.instructionsOpen);
  const locale = currentLocale();
  const reasonLabel = (code: string | undefined) =>
    config.reasons.find((reason) => reason.code === code)?.label[locale] ?? code ?? '';
  return (
    <>
      <InstructionsPanel instructions={instructions} />
      {open && config.examples.length > 0 && (
        <section className="card examples" aria-labelledby="examples-heading">
          <h2 id="examples-heading" className="label-heading">
            {t('examples.heading')}
          </h2>
          <ul className="example-list">
            {config.examples.map((example, index) => (
              <li key={index} className="example">
                <q className="example-text" dir="auto">
                  {example.text}
                </q>
                <p className={`example-decision decision-${example.decision}`}>
                  {example.decision === 'reject'
                    ? t('closed.rejected', { reason: reasonLabel(example.reason) })
                    : t(`closed.${example.decision}`)}
                </p>
                <p className="example-why">{example.explanation[locale]}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
