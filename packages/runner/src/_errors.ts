import type { CliProblem } from '@ekoraportti/core';

/**
 * A problem with how the command was called, its data or output folder, or its previous report: the
 * run stops and writes nothing. It carries a code and data, no prose; the command line maps the code
 * to an exit code and writes the words from core's phrasebook in the run's language.
 */
export class ProblemError extends Error {
  readonly problem: CliProblem;
  constructor(problem: CliProblem) {
    super(problem.code);
    this.name = 'ProblemError';
    this.problem = problem;
  }
}
