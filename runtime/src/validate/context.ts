import { element, toElements, type PathNode, type PathStep, type RuleStep } from "./path.js";
import { ValidationError, Violation } from "./violation.js";

/**
 * What generated `$validate` functions report to: the violations found so far. Paths are
 * materialised only for a violation, so a valid message allocates nothing but its nested paths.
 */
export class ValidationContext {
  readonly violations: Violation[] = [];

  constructor(readonly failFast = false) {}

  /**
   * Records a violation of the field `step` (with list index or map key `sub`) below `path`, or of
   * the message at `path` itself when `step` is undefined.
   */
  add(
    path: PathNode | undefined,
    step: PathStep | undefined,
    sub: number | string | undefined,
    rule: readonly RuleStep[],
    ruleId: string,
    message: string,
    forKey = false,
  ): void {
    const field = step ? toElements(path, step, sub) : toElements(path);
    this.violations.push(
      new Violation(
        message,
        ruleId,
        field,
        rule.map((s) => element([s[0], s[1], s[2]], s[3])),
        forKey,
      ),
    );
    if (this.failFast) throw new ValidationError(this.violations);
  }
}
