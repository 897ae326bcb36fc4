import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/helpers/workstation/fixtures';
import { LaptopStore, type Profile } from './laptop-store';

let dir: ReturnType<typeof tempDir>;
let laptop: LaptopStore;
beforeEach(() => {
  dir = tempDir('hitdesk-laptop-');
  laptop = LaptopStore.open(dir.path);
});
afterEach(() => {
  laptop.close();
  dir.remove();
});

const profile = (overrides: Partial<Profile> = {}): Profile => ({
  serverUrl: 'https://queue.example',
  username: 'amina',
  userId: '0b8f7a52-6d7c-4b0e-8f57-3c3d3f3f0a01',
  displayName: 'Amina',
  role: 'hitter',
  verifier: 'scrypt$32768$8$1$c2FsdA==$aGFzaA==',
  lastOnlineSignInAt: '2026-03-01T08:00:00.000Z',
  ...overrides,
});

describe('settings', () => {
  it('start empty and persist across reopening', () => {
    expect(laptop.settings()).toEqual({ serverUrl: null, locale: null, demoEnabled: false });
    laptop.updateSettings({ serverUrl: 'https://queue.example', locale: 'fr' });
    laptop.updateSettings({ demoEnabled: true });
    laptop.close();
    laptop = LaptopStore.open(dir.path);
    expect(laptop.settings()).toEqual({
      serverUrl: 'https://queue.example',
      locale: 'fr',
      demoEnabled: true,
    });
  });

  it('can clear the server and leave the rest alone', () => {
    laptop.updateSettings({ serverUrl: 'https://queue.example', locale: 'en' });
    laptop.updateSettings({ serverUrl: null, locale: undefined });
    expect(laptop.settings()).toEqual({ serverUrl: null, locale: 'en', demoEnabled: false });
  });
});

describe('profiles', () => {
  it('are keyed by server and username; a new online sign-in replaces the verifier', () => {
    laptop.upsertProfile(profile());
    laptop.upsertProfile(profile({ serverUrl: 'http://127.0.0.1:47831', displayName: 'Amina (demo)' }));
    laptop.upsertProfile(profile({ verifier: 'scrypt$new', lastOnlineSignInAt: '2026-03-02T08:00:00.000Z' }));
    expect(laptop.findProfile('https://queue.example', 'amina')?.verifier).toBe('scrypt$new');
    expect(laptop.findProfile('http://127.0.0.1:47831', 'amina')?.displayName).toBe('Amina (demo)');
    expect(laptop.findProfile('https://queue.example', 'someone')).toBeNull();
  });

  it('lists one server’s profiles, most recently used first', () => {
    laptop.upsertProfile(profile({ username: 'old', lastOnlineSignInAt: '2026-01-01T00:00:00.000Z' }));
    laptop.upsertProfile(profile({ username: 'recent', lastOnlineSignInAt: '2026-03-01T00:00:00.000Z' }));
    laptop.upsertProfile(profile({ username: 'elsewhere', serverUrl: 'https://other.example' }));
    expect(laptop.profilesOf('https://queue.example').map((p) => p.username)).toEqual(['recent', 'old']);
  });
});
