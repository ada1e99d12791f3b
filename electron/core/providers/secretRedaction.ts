// Secrets that can ride along in text about a provider: the API key (OpenAI's messages quote keys
// in part), the user:password of an address such as http://user:secret@proxy/v1, and secrets in
// an address's query (?api_key=…, &key=…). Provider errors become messages, and messages are kept
// in the database, exports and reports, so every message about a provider passes through here.

/** `scheme://user:password@` (the password may hold an unencoded @: the last one ends it). */
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*(?:@[^\s/?#@]*)*@/gi;
/** A query parameter whose name says it carries a secret (its value ends before the sentence's own punctuation). */
const QUERY_SECRET = /([?&](?:[a-z0-9_-]*(?:key|token|secret|password|passwd|auth|signature|sig|credential)s?)=)[^&#\s"'<>]*?(?=[.,:;)]*(?:[&#\s"'<>]|$))/gi;
/** Anything shaped like an OpenAI or Anthropic key. */
const KEY_SHAPED = /\bsk-[A-Za-z0-9_*.-]{6,}/g;

export function redactSecrets(text: string, apiKey?: string | null): string {
  let result = apiKey && apiKey.length >= 8 ? text.split(apiKey).join('[key]') : text;
  result = result.replace(USERINFO, '$1');
  result = result.replace(QUERY_SECRET, '$1[redacted]');
  return result.replace(KEY_SHAPED, '[key]');
}

/** An address as it may be shown: without user:password and with query secrets hidden. */
export function displayAddress(url: string): string {
  return redactSecrets(url);
}
