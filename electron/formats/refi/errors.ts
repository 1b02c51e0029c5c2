import { FileError } from '../../../shared/errors';

/** A REFI-QDA file (.qdpx, .qde, .qdc) that cannot be read. */
export class RefiError extends FileError {}
