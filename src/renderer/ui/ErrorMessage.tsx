import { useTranslation } from 'react-i18next';
import { errorText } from './errors';

/** A failure said in words, announced at once (role="alert"), with a marker that is not only colour. */
export function ErrorMessage({ error, id }: { error: unknown; id?: string }) {
  const { t } = useTranslation();
  return (
    <p className="message message-error" role="alert" id={id}>
      <span aria-hidden="true" className="message-icon">
        !
      </span>
      <span>{errorText(t, error)}</span>
    </p>
  );
}
