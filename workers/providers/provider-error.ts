/**
 * An outside provider did not answer usably: a timeout, a network or HTTP error, or a body
 * outside its protocol. The message is shown to moderators, so it never carries a secret.
 */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
}

export const isProviderError = (e: unknown): e is ProviderError =>
  e instanceof ProviderError || (e instanceof Error && e.name === 'ProviderError');
