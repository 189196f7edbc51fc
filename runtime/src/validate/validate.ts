import type { Message } from "../message.js";
import { ValidationContext } from "./context.js";
import type { PathNode } from "./path.js";
import { CompilationError, RuntimeError, ValidationError, type Violation } from "./violation.js";

/** The validator the plugin generates as a static `$validate` of a class whose message (or a nested one) has rules. */
export type MessageValidator<T = never> = (message: T, context: ValidationContext, path: PathNode | undefined) => void;

/** protovalidate's three outcomes. */
export type ValidationResult<T> =
  | { kind: "valid"; message: T; error: undefined; violations: undefined }
  | { kind: "invalid"; message: T; error: ValidationError; violations: readonly Violation[] }
  | { kind: "error"; message: T; error: CompilationError | RuntimeError; violations: undefined };

export interface ValidateOptions {
  /** Stop at the first violation. */
  failFast?: boolean;
}

/** The generated validator of a message's class, if its schema has rules. */
export function validatorOf<T extends Message<T>>(message: T): MessageValidator<T> | undefined {
  return (message.constructor as { $validate?: MessageValidator<T> }).$validate;
}

/** Checks `message` against the `buf.validate` rules of its schema. A message whose schema has no rules is valid. */
export function validate<T extends Message<T>>(message: T, options?: ValidateOptions): ValidationResult<T> {
  const validator = validatorOf(message);
  if (!validator) return { kind: "valid", message, error: undefined, violations: undefined };
  const context = new ValidationContext(options?.failFast);
  try {
    validator(message, context, undefined);
  } catch (e) {
    if (e instanceof ValidationError) return { kind: "invalid", message, error: e, violations: e.violations };
    const error = e instanceof CompilationError || e instanceof RuntimeError ? e : new RuntimeError("unexpected error: " + String(e), { cause: e });
    return { kind: "error", message, error, violations: undefined };
  }
  const { violations } = context;
  if (violations.length === 0) return { kind: "valid", message, error: undefined, violations: undefined };
  return { kind: "invalid", message, error: new ValidationError(violations), violations };
}

/** Like `validate`, but throws the `ValidationError` (or the error) instead of returning it. */
export function assertValid<T extends Message<T>>(message: T, options?: ValidateOptions): T {
  const r = validate(message, options);
  if (r.kind !== "valid") throw r.error;
  return message;
}
