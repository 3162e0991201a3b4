/** Why a data folder could not be read at all (as opposed to a rejected row, which is data). */
export type IngestErrorCode =
  | 'E_NO_FOLDER'
  | 'E_MISSING_FILE'
  | 'E_EMPTY_FILE'
  | 'E_MISSING_COLUMN'
  | 'E_WORKBOOK'
  | 'E_BOTH_FORMS'
  | 'E_TWO_EXPORTS'
  | 'E_NOT_TEXT'
  | 'E_UNREADABLE';

/**
 * A file-level failure: the folder or a file is missing, a file is an Excel workbook or not text, a
 * required column is absent, or the bytes cannot be parsed as CSV. The message is in the report
 * language, names the file and never echoes its bytes raw; the CLI maps this class to exit code 2.
 */
export class IngestError extends Error {
  readonly code: IngestErrorCode;
  readonly file: string | undefined;
  constructor(code: IngestErrorCode, message: string, file?: string) {
    super(message);
    this.name = 'IngestError';
    this.code = code;
    this.file = file;
  }
}
