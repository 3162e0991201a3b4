// The one error class of this package: a workbook that cannot be read at all. Its problem is data
// (a code and where), its message the phrasebook's sentence in the report language.

import type { Language, XlsxProblem, XlsxProblemCode } from '@ekoraportti/core';
import { describeXlsxProblem } from '@ekoraportti/core';

/**
 * A workbook that cannot be read: not a workbook, damaged, cut short, hostile (a zip bomb, an XML
 * entity trick), too large, or an EURA export without a needed column. The CLI maps it to exit code 2,
 * like `IngestError`.
 */
export class XlsxError extends Error {
  readonly problem: XlsxProblem;
  readonly code: XlsxProblemCode;
  readonly file: string;
  constructor(problem: XlsxProblem, lang: Language) {
    super(describeXlsxProblem(problem, lang));
    this.name = 'XlsxError';
    this.problem = problem;
    this.code = problem.code;
    this.file = problem.file;
  }
}
