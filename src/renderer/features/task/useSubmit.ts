import { useState } from 'react';
import type { TaskSummary } from '../../../shared/bridge';
import { call } from '../../api';
import { taskSubmitted } from '../../state/app-store';

type Autosave<T> = { cancel(): void; keep(draft: T): void };

/**
 * The one way every workspace submits: the answer replaces the draft (autosave cancelled), the app
 * moves on to the next task; if the submission fails the draft is saved again and the error shown.
 */
export function useSubmit<T>(
  taskId: string,
  autosave: Autosave<T>,
  /** What follows a submission; by default the next task of the run (list mode stays on its list). */
  onSubmitted: (summary: TaskSummary) => void = taskSubmitted,
) {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  /** Resolves true once the answer is in the outbox, false when it was refused (the error is shown). */
  const submit = async (answer: unknown, draft: T): Promise<boolean> => {
    if (submitting) return false;
    setSubmitting(true);
    setError(null);
    autosave.cancel();
    try {
      onSubmitted(await call('tasks.submit', { taskId, answer }));
      return true;
    } catch (failure) {
      setError(failure);
      setSubmitting(false);
      autosave.keep(draft);
      return false;
    }
  };
  return { submit, submitting, error };
}
