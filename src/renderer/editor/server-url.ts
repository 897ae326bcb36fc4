/** Checking the queue server address a HITer types, before main is asked to store it. */
export type ServerUrlCheck =
  { ok: true; url: string } | { ok: false; problem: 'empty' | 'no_scheme' | 'not_http' | 'not_url' };

export function checkServerUrl(typed: string): ServerUrlCheck {
  const text = typed.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (!scheme) return { ok: false, problem: 'no_scheme' };
  if (!/^https?$/i.test(scheme[1] ?? '')) return { ok: false, problem: 'not_http' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'not_url' };
  }
  if (url.hostname === '' || /\s/.test(text)) return { ok: false, problem: 'not_url' };
  return { ok: true, url: text.replace(/\/+$/, '') };
}
