import { describe, expect, it } from 'vitest';
import { checkServerUrl } from './server-url';

describe('server address check', () => {
  it('accepts http and https addresses, trimmed and without a trailing slash', () => {
    expect(checkServerUrl('  https://queue.centre.tg/ ')).toEqual({
      ok: true,
      url: 'https://queue.centre.tg',
    });
    expect(checkServerUrl('http://192.168.1.10:8080')).toEqual({ ok: true, url: 'http://192.168.1.10:8080' });
  });

  it('says what is wrong with the others', () => {
    expect(checkServerUrl('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(checkServerUrl('queue.centre.tg')).toEqual({ ok: false, problem: 'no_scheme' });
    expect(checkServerUrl('ftp://queue.centre.tg')).toEqual({ ok: false, problem: 'not_http' });
    expect(checkServerUrl('https://queue centre')).toEqual({ ok: false, problem: 'not_url' });
    expect(checkServerUrl('http://')).toEqual({ ok: false, problem: 'not_url' });
  });
});
