import { useTranslation } from 'react-i18next';
import { MODERATION_SHORTCUTS } from '../../editor/text/moderation-keys';
import { toggleInstructions, useAppStore } from '../../state/app-store';
import { Kbd } from '../../ui/Kbd';
import { Markdown } from '../../ui/Markdown';

/** The project's instructions, folded or open (remembered between tasks); `?` toggles. */
export function InstructionsPanel({ instructions }: { instructions: string }) {
  const { t } = useTranslation();
  const open = useAppStore((state) => state.instructionsOpen);
  if (instructions.trim() === '') return null;
  return (
    <section className="card instructions" aria-labelledby="instructions-heading">
      <h2 id="instructions-heading" className="instructions-heading">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls="instructions-body"
          aria-keyshortcuts={MODERATION_SHORTCUTS.instructions}
          onClick={toggleInstructions}
        >
          <span aria-hidden="true" className="disclosure-mark">
            {open ? '▾' : '▸'}
          </span>
          {t('task.instructions')}
          <span aria-hidden="true">
            <Kbd>?</Kbd>
          </span>
        </button>
      </h2>
      <div id="instructions-body" className="instructions-body" hidden={!open}>
        <Markdown source={instructions} />
      </div>
    </section>
  );
}
