/** A raw object of a kind the product reads is missing something every such object has (e.g. metadata.name). */
export class ProjectionError extends Error {
  override readonly name = 'ProjectionError';
  constructor(message: string) {
    super(message);
  }
}
