import { formCommandFor, type FormCommand } from '../../editor/form/form-keys';
import { focusKindOf } from '../../ui/focus';
import { keyOf } from '../text/useModerationKeys';
import { usePageKeys } from '../text/usePageKeys';

/** Inputs where Enter goes to the next field (a text area keeps Enter for new lines). */
const ONE_LINE = new Set(['text', 'url', 'email', 'tel', 'number', 'date', 'search', 'radio', 'checkbox']);

/** The form's keys on the whole page while the task is shown (see `formCommandFor`). */
export function useFormKeys(readOnly: boolean, onCommand: (command: FormCommand) => void) {
  usePageKeys((event) => {
    const target = event.target;
    const command = formCommandFor(
      {
        ...keyOf(event),
        focus: focusKindOf(target),
        singleLine: target instanceof HTMLInputElement && ONE_LINE.has(target.type),
      },
      { readOnly },
    );
    if (!command) return;
    event.preventDefault();
    onCommand(command);
  });
}
