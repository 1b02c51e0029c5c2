// Typed errors of the core. Each message is one line a researcher can act on;
// the CLI and the UI print `message` and never a stack trace.

export class FieldcodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that names something that does not exist or breaks a rule. */
export class InputError extends FieldcodeError {}

/** A named thing (document, code, case, coder) was not found. */
export class NotFoundError extends InputError {}

/**
 * A file that cannot be used: one line naming the file and the reason, with both
 * kept apart for a batch report ("file: reason" per line). Each kind of file has
 * its own subclass, so a caller can tell a bad transcript from a bad project.
 */
export class FileError extends InputError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/** The file is not a Fieldcode project, is damaged, or is from a newer version. */
export class ProjectFileError extends FileError {}

export function isFieldcodeError(e: unknown): e is FieldcodeError {
  return e instanceof FieldcodeError;
}

/** One line for the user, whatever was thrown. */
export function userMessage(e: unknown): string {
  if (e instanceof FieldcodeError) return e.message;
  if (e instanceof Error) {
    const first = e.message.split('\n')[0];
    return first || e.name;
  }
  return String(e);
}
