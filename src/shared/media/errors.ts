/** A file the queue or the workstation cannot read as the media type it claims to be (or any it knows). */
export class MediaFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MediaFormatError';
  }
}
