import { describe, expect, it } from 'vitest';
import { withoutToken } from './addressBarToken';

describe('withoutToken', () => {
  it('drops the token and keeps other parameters and the hash', () => {
    expect(withoutToken('http://127.0.0.1:4799/?token=s3cret&x=1#/prompts/a')).toBe('/?x=1#/prompts/a');
    expect(withoutToken('http://127.0.0.1:4799/index.html?token=s3cret')).toBe('/index.html');
  });

  it('leaves a URL without a token alone', () => {
    expect(withoutToken('http://127.0.0.1:4799/#/prompts/a')).toBeNull();
  });
});
