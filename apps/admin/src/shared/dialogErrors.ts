// Where an ActionDialog shows a failed confirm's refusals (without React, so it is unit-tested): on the input they
// name, or above the buttons.
import { describeUserError } from '../data/graphqlErrors';
import type { UserError } from '../data/graphqlTypes';

/** An input of the dialog: its path and the other paths whose refusals belong on it (ActionField). */
export interface DialogInput {
  readonly name: string;
  readonly alsoFor?: readonly string[];
}

/** Flattens react-admin's validation body (`{ a: { b: "msg" }, root: { serverError } }`) to dotted paths. */
export function flattenErrors(errors: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (!errors || typeof errors !== 'object') return out;
  for (const [key, value] of Object.entries(errors as Record<string, unknown>)) {
    if (key === 'root') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else Object.assign(out, flattenErrors(value, path));
  }
  return out;
}

/** The dialog's error body: react-admin's validation errors and, from userErrorsToHttpError, the refusals. */
export interface DialogErrorBody {
  readonly errors?: Record<string, unknown>;
  readonly userErrors?: readonly UserError[];
}

/**
 * Every refusal of a failed confirm, placed: on its input when one has that path (or lists it in `alsoFor`), else
 * among `unplaced` for the error area above the buttons. A refusal with several reasons used to lose those whose
 * `field` names no input (`relation` on a wallet transfer) or no field at all (FEATURE_NOT_OPEN next to an input
 * error): each is kept, with its rule id, and said once.
 */
export function placeDialogErrors(
  body: DialogErrorBody | undefined,
  fields: ReadonlyArray<DialogInput>,
): { readonly byInput: Record<string, string>; readonly unplaced: readonly string[] } {
  const byInput: Record<string, string> = {};
  const unplaced: string[] = [];
  const place = (path: string, message: string) => {
    const target = path ? fields.find((f) => f.name === path || f.alsoFor?.includes(path)) : undefined;
    if (target) {
      const before = byInput[target.name];
      if (!before) byInput[target.name] = message;
      else if (!before.split('；').includes(message)) byInput[target.name] = `${before}；${message}`;
    } else if (!unplaced.includes(message)) unplaced.push(message);
  };
  if (body?.userErrors && body.userErrors.length > 0) {
    // The refusals themselves, rather than the form-shaped `errors` (which keep only the root ones unplaced).
    for (const error of body.userErrors) {
      const path = (error.field ?? []).filter((segment) => segment !== 'input').join('.');
      place(path, describeUserError(error));
    }
  } else {
    for (const [path, message] of Object.entries(flattenErrors(body?.errors))) place(path, message);
    // `fieldsHttpError` keeps the refusals without an input in root.serverError: shown beside the placed ones.
    const serverError = (body?.errors?.root as { serverError?: unknown } | undefined)?.serverError;
    if (typeof serverError === 'string' && serverError) place('', serverError);
  }
  return { byInput, unplaced };
}
