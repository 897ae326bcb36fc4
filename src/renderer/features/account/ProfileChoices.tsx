import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../shared/bridge';
import { call } from '../../api';

type Profile = CallOutput<'profiles.list'>[number];

/** People who already signed in on this laptop (to this server): one click fills the username. */
export function ProfileChoices({
  serverUrl,
  onChoose,
}: {
  serverUrl: string | null;
  onChoose: (username: string) => void;
}) {
  const { t } = useTranslation();
  const [profiles, setProfiles] = useState<Profile[]>([]);
  useEffect(() => {
    let current = true;
    call('profiles.list')
      .then((list) => {
        if (current)
          setProfiles(list.filter((profile) => serverUrl === null || profile.serverUrl === serverUrl));
      })
      .catch(() => undefined); // without the list the HITer simply types the username
    return () => {
      current = false;
    };
  }, [serverUrl]);

  if (profiles.length === 0) return null;
  return (
    <section className="profiles" aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">{t('signIn.profilesHeading')}</h2>
      <p className="hint">{t('signIn.profilesHint')}</p>
      <ul className="profile-list">
        {profiles.map((profile) => (
          <li key={`${profile.serverUrl} ${profile.username}`}>
            <button type="button" className="profile" onClick={() => onChoose(profile.username)}>
              <span className="profile-initial" aria-hidden="true">
                {profile.displayName.trim().charAt(0).toUpperCase() || '?'}
              </span>
              <span className="profile-names">
                <span className="profile-name">{profile.displayName}</span>
                <span className="profile-username">{profile.username}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
