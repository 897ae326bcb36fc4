import { describe, expect, it } from 'vitest';
import { isAppUrl, isExternalWebUrl } from './origin';

describe('app origin checks', () => {
  it('accepts only the app scheme and host in production', () => {
    expect(isAppUrl('app://hitdesk/index.html', undefined)).toBe(true);
    expect(isAppUrl('app://evil/index.html', undefined)).toBe(false);
    expect(isAppUrl('file:///etc/passwd', undefined)).toBe(false);
    expect(isAppUrl('https://hitdesk.example/', undefined)).toBe(false);
    expect(isAppUrl('not a url', undefined)).toBe(false);
  });

  it('accepts the dev server only while developing, port included', () => {
    expect(isAppUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false);
  });

  it('opens only web pages externally', () => {
    expect(isExternalWebUrl('https://example.org/research?q=1')).toBe(true);
    expect(isExternalWebUrl('http://example.org')).toBe(true);
    expect(isExternalWebUrl('file:///C:/Windows/system32/calc.exe')).toBe(false);
    expect(isExternalWebUrl('javascript:alert(1)')).toBe(false);
    expect(isExternalWebUrl('smb://share/x')).toBe(false);
  });
});
