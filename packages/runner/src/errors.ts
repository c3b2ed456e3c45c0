/** A failure to start that the user can act on: printed as one line, without a stack trace. */
export class StartError extends Error {
  override name = 'StartError';
}
