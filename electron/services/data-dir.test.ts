import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './data-dir';

describe('defaultDataDir', () => {
  it('prefers SENTINEL_CONSOLE_DATA_DIR, then XDG_CONFIG_HOME, then ~/.config', () => {
    expect(defaultDataDir({ SENTINEL_CONSOLE_DATA_DIR: '/srv/sc' }, '/home/op')).toBe('/srv/sc');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/op/.cfg' }, '/home/op')).toBe('/home/op/.cfg/sentinel-console');
    expect(defaultDataDir({}, '/home/op')).toBe('/home/op/.config/sentinel-console');
  });

  it('ignores a relative XDG_CONFIG_HOME as the XDG spec requires', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: 'relative' }, '/home/op')).toBe('/home/op/.config/sentinel-console');
  });
});
