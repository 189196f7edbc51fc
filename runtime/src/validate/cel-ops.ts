/**
 * What CEL compiled to TypeScript (by the plugin) calls: integer arithmetic with CEL's 64-bit
 * ranges, and the one comparison JavaScript operators cannot type. Where `@bufbuild/cel` would
 * return an error, these throw `celDefer`: the rule is then evaluated by `@bufbuild/cel`, which
 * gives the exact error (or absorbs it, as CEL's `&&` and `||` do). No import of `@bufbuild/cel`.
 */

/** Thrown by compiled CEL to hand the expression to the interpreter. */
export const celDefer: unknown = Object.freeze({ celDefer: true });

const MIN_INT = -(2n ** 63n);
const MAX_INT = 2n ** 63n - 1n;
const MAX_UINT = 2n ** 64n - 1n;

function int(v: bigint): bigint {
  if (v < MIN_INT || v > MAX_INT) throw celDefer;
  return v;
}

function uint(v: bigint): bigint {
  if (v < 0n || v > MAX_UINT) throw celDefer;
  return v;
}

function divisor(v: bigint): bigint {
  if (v === 0n) throw celDefer;
  return v;
}

export const celIntAdd = (a: bigint, b: bigint): bigint => int(a + b);
export const celIntSub = (a: bigint, b: bigint): bigint => int(a - b);
export const celIntMul = (a: bigint, b: bigint): bigint => int(a * b);
export const celIntDiv = (a: bigint, b: bigint): bigint => int(a / divisor(b));
export const celIntMod = (a: bigint, b: bigint): bigint => a % divisor(b);
export const celUintAdd = (a: bigint, b: bigint): bigint => uint(a + b);
export const celUintSub = (a: bigint, b: bigint): bigint => uint(a - b);
export const celUintMul = (a: bigint, b: bigint): bigint => uint(a * b);
/** @bufbuild/cel checks a uint quotient against the int range: so does this. */
export const celUintDiv = (a: bigint, b: bigint): bigint => int(a / divisor(b));
export const celUintMod = (a: bigint, b: bigint): bigint => a % divisor(b);

/** CEL's `int(uint)`: a number stays a number (32-bit values), a bigint a bigint. */
export function celInt<T extends number | bigint>(v: T): T {
  if (typeof v === "bigint" && v > MAX_INT) throw celDefer;
  return v;
}

/** CEL's `uint(int)`. */
export function celUint<T extends number | bigint>(v: T): T {
  if (v < 0) throw celDefer;
  return v;
}

/** A double against a 64-bit integer, compared exactly (JavaScript's `==` on number and bigint). */
export function celNumEq(a: number | bigint, b: number | bigint): boolean {
  return a == b;
}
