import { describe, expect, it } from 'vitest';
import { grantsPermission, type PermissionAsk } from './permissions';

const microphone: PermissionAsk = {
  permission: 'media',
  url: 'app://hitdesk/index.html',
  mediaTypes: ['audio'],
  isMainFrame: true,
};

describe('permissions', () => {
  it('grants the microphone to the app itself', () => {
    expect(grantsPermission(microphone, undefined)).toBe(true);
    expect(grantsPermission({ ...microphone, url: 'http://localhost:5173/' }, 'http://localhost:5173')).toBe(
      true,
    );
  });

  it('refuses the camera, other permissions, other origins and frames', () => {
    expect(grantsPermission({ ...microphone, mediaTypes: ['audio', 'video'] }, undefined)).toBe(false);
    expect(grantsPermission({ ...microphone, mediaTypes: [] }, undefined)).toBe(false);
    expect(grantsPermission({ ...microphone, permission: 'geolocation' }, undefined)).toBe(false);
    expect(grantsPermission({ ...microphone, url: 'https://evil.example/' }, undefined)).toBe(false);
    expect(grantsPermission({ ...microphone, isMainFrame: false }, undefined)).toBe(false);
    expect(grantsPermission({ ...microphone, url: undefined }, undefined)).toBe(false);
    expect(grantsPermission({ ...microphone, url: 'http://localhost:5173/' }, undefined)).toBe(false);
  });
});
