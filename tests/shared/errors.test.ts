import { describe, expect, it } from 'vitest';
import { FileError, InputError, ProjectFileError, userMessage } from '../../shared/errors';
import { ImportError } from '../../electron/formats/transcripts/errors';
import { RefiError } from '../../electron/formats/refi/errors';
import { CaseSheetError } from '../../electron/cases/cases';

describe('errors about a file', () => {
  it.each([
    ['FileError', FileError],
    ['ProjectFileError', ProjectFileError],
    ['ImportError', ImportError],
    ['RefiError', RefiError],
    ['CaseSheetError', CaseSheetError],
  ])('%s is one line naming the file and the reason, and bad input', (name, Kind) => {
    const e = new Kind('notes.docx', 'the file is empty');
    expect(e).toBeInstanceOf(FileError);
    expect(e).toBeInstanceOf(InputError);
    expect(e.name).toBe(name);
    expect([e.file, e.reason, userMessage(e)]).toEqual(['notes.docx', 'the file is empty', 'notes.docx: the file is empty']);
  });

  it('tells the kinds of file apart', () => {
    expect(new ImportError('a.txt', 'x')).not.toBeInstanceOf(RefiError);
    expect(new RefiError('a.qdpx', 'x')).not.toBeInstanceOf(ProjectFileError);
  });
});
