import type { z } from 'zod';
import type { FieldProblem } from '@ekoraportti/core';

/** The first problem of a failed zod parse as data: the field's dotted path and what is wrong with it. */
export function firstIssue(error: z.ZodError): { field: string; problem: FieldProblem } {
  const issue = error.issues[0];
  if (!issue) return { field: '', problem: { kind: 'other', detail: error.message } };
  const path = issue.path.map(String);
  switch (issue.code) {
    case 'invalid_type':
      return { field: path.join('.'), problem: { kind: 'type', expected: String(issue.expected) } };
    case 'invalid_value':
      return { field: path.join('.'), problem: { kind: 'value', allowed: issue.values.map((v) => String(v)) } };
    case 'unrecognized_keys':
      return { field: [...path, issue.keys[0] ?? ''].join('.'), problem: { kind: 'unknown' } };
    default:
      return { field: path.join('.'), problem: { kind: 'other', detail: issue.message } };
  }
}
