import { describe, expect, it } from 'vitest';
import { displayAddress, redactSecrets } from './secretRedaction';

describe('redactSecrets', () => {
  it('strips user:password from every address in a text', () => {
    expect(redactSecrets('Could not reach x at http://alice:s3cret@proxy.example:8080/v1: connection refused')).toBe(
      'Could not reach x at http://proxy.example:8080/v1: connection refused',
    );
    expect(redactSecrets('a https://token@host/v1 and http://u:p@127.0.0.1:1 b')).toBe('a https://host/v1 and http://127.0.0.1:1 b');
    expect(redactSecrets('http://user:p@ss@host/v1')).toBe('http://host/v1');
  });

  it('hides query parameters that carry secrets and keeps the others', () => {
    expect(redactSecrets('GET https://h/v1/models?api_key=abc123&limit=5 failed')).toBe('GET https://h/v1/models?api_key=[redacted]&limit=5 failed');
    expect(redactSecrets('https://h/x?alt=sse&key=AIzaSyXYZ')).toBe('https://h/x?alt=sse&key=[redacted]');
    expect(redactSecrets('https://h/x?access_token=t0k&x-goog-api-key=k&sig=s')).toBe('https://h/x?access_token=[redacted]&x-goog-api-key=[redacted]&sig=[redacted]');
  });

  it('removes the key itself and anything shaped like one', () => {
    expect(redactSecrets('key ABCDEFGH12345 echoed', 'ABCDEFGH12345')).toBe('key [key] echoed');
    expect(redactSecrets('a sk-ant-api03-AAAAAAAAAA b')).toBe('a [key] b');
  });

  it('leaves ordinary text and addresses alone', () => {
    const text = 'Ollama is not running at 127.0.0.1:11434 — write to me@example.com or see https://ollama.com/download?os=linux';
    expect(redactSecrets(text)).toBe(text);
    expect(displayAddress('http://127.0.0.1:11434')).toBe('http://127.0.0.1:11434');
  });
});

describe('redactSecrets in sentences', () => {
  it('hides the whole value and keeps the punctuation after it', () => {
    expect(redactSecrets('at https://h/v1?key=abc:def: refused.')).toBe('at https://h/v1?key=[redacted]: refused.');
    expect(redactSecrets('(see https://h/v1?token=abc).')).toBe('(see https://h/v1?token=[redacted]).');
  });
});
