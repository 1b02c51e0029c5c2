import { InputError } from '../../../shared/errors';

/** A REFI-QDA file that cannot be read: one line naming the file and the reason. */
export class RefiError extends InputError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}
