import { useTranslation } from 'react-i18next';
import { toggleInstructions, useAppStore } from '../../state/app-store';
import { Kbd } from '../../ui/Kbd';
import { Markdown } from '../../ui/Markdown';

/**
 * The project's instructions, folded or open (remembered between tasks, I toggles), with the
 * example images the project put in them (`![caption](/media/<sha256>)` on a line of its own).
 */
export function ImageInstructions({ instructions }: { instructions: string }) {
  const { t } = useTranslation('image');
  const open = useAppStore((state) => state.instructionsOpen);
  if (instructions.trim() === '') return null;
  return (
    <section className="card instructions image-instructions" aria-labelledby="image-instructions-heading">
      <h2 id="image-instructions-heading" className="instructions-heading">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls="image-instructions-body"
          aria-keyshortcuts="I"
          onClick={toggleInstructions}
        >
          <span aria-hidden="true" className="disclosure-mark">
            {open ? '▾' : '▸'}
          </span>
          {t('instructions.heading')}
          <span aria-hidden="true">
            <Kbd>I</Kbd>
          </span>
        </button>
      </h2>
      <div id="image-instructions-body" className="instructions-body" hidden={!open}>
        <Markdown source={instructions} />
      </div>
    </section>
  );
}
