import type { Message } from "@bufbuild/protobuf";
import { reflect } from "@bufbuild/protobuf/reflect";
import type { Duration } from "@bufbuild/protobuf/wkt";
import type { Line } from "../code.js";
import { ruleField, violation, type Site, type ValidateContext } from "./site.js";

/**
 * Checks of `buf.validate.DurationRules` and `TimestampRules`. protovalidate evaluates them as
 * the CEL expressions of `validate.proto`, one per rule field in declaration order; the checks
 * here are those expressions specialised, with the same ids and messages.
 */

/** The seconds and nanos of a Duration or Timestamp rule value. */
type Time = Pick<Duration, "seconds" | "nanos">;
type Bound = { name: string; val: Time };

export function timeChecks(x: ValidateContext, s: Site, kind: "duration" | "timestamp", rules: Message): Line[] {
  const F = (name: string) => ruleField(kind, name);
  const r = reflect(F("const").parent, rules);
  const set = (name: string) => r.isSet(F(name));
  const get = (name: string) => (r.get(F(name)) as unknown as { message: Time }).message;
  const show = kind === "duration" ? showDuration : showTimestamp;
  const cmp = (t: Time): Line => [x.v("compareTime"), `(v, ${t.seconds}n, ${t.nanos})`];
  const out: Line[] = [];
  const add = (cond: Line, rule: string, id: string, message: string) => out.push(["if (", ...cond, ") ", violation(s, F(rule), id, message)]);
  // CEL evaluates one rule field after another in declaration order: const, lt, lte, (lt_now), gt, gte, (gt_now, within), in, not_in.
  for (const f of F("const").parent.fields) {
    if (!set(f.name)) continue;
    switch (f.name) {
      case "const":
        add([...cmp(get("const")), " !== 0"], "const", `${kind}.const`, `must equal ${show(get("const"))}`);
        break;
      case "lt":
      case "lte":
        if (!set("gt") && !set("gte"))
          add(
            [...cmp(get(f.name)), f.name === "lt" ? " >= 0" : " > 0"],
            f.name,
            `${kind}.${f.name}`,
            `must be less than ${f.name === "lte" ? "or equal to " : ""}${show(get(f.name))}`,
          );
        break;
      case "gt":
      case "gte": {
        const lo: Bound = { name: f.name, val: get(f.name) };
        const hiName = set("lt") ? "lt" : set("lte") ? "lte" : undefined;
        const loText = `greater than ${lo.name === "gte" ? "or equal to " : ""}${show(lo.val)}`;
        const below: Line = [...cmp(lo.val), lo.name === "gt" ? " <= 0" : " < 0"];
        if (!hiName) {
          add(below, lo.name, `${kind}.${lo.name}`, `must be ${loText}`);
          break;
        }
        const hi: Bound = { name: hiName, val: get(hiName) };
        const above: Line = [...cmp(hi.val), hi.name === "lt" ? " >= 0" : " > 0"];
        const hiText = `less than ${hi.name === "lte" ? "or equal to " : ""}${show(hi.val)}`;
        const normal = compare(hi.val, lo.val) >= 0;
        const id = `${kind}.${lo.name}_${hi.name}${normal ? "" : "_exclusive"}`;
        const cond: Line = [...above, normal ? " || " : " && ", ...below];
        add(cond, lo.name, id, `must be ${loText} ${normal ? "and" : "or"} ${hiText}`);
        break;
      }
      case "lt_now":
        if (r.get(F("lt_now"))) add([x.v("compareNow"), "(v) > 0"], "lt_now", "timestamp.lt_now", "must be less than now");
        break;
      case "gt_now":
        if (r.get(F("gt_now"))) add([x.v("compareNow"), "(v) < 0"], "gt_now", "timestamp.gt_now", "must be greater than now");
        break;
      case "within": {
        const w = get("within");
        add(["!", x.v("isWithinOfNow"), `(v, ${w.seconds}n, ${w.nanos})`], "within", "timestamp.within", `must be within ${showDuration(w)} of now`);
        break;
      }
      case "in":
      case "not_in": {
        const list = [...(r.get(f) as Iterable<{ message: Time }>)].map((x) => x.message);
        const found: Line = ["(", ...list.flatMap((t, i): Line => [i ? " || " : "", ...cmp(t), " === 0"]), ")"];
        const text = `[${list.map(show).join(", ")}]`;
        if (f.name === "in") add(["!", ...found], "in", `${kind}.in`, `must be in list ${text}`);
        else add(found, "not_in", `${kind}.not_in`, `must not be in list ${text}`);
        break;
      }
    }
  }
  return out;
}

function compare(a: Time, b: Time): number {
  return a.seconds !== b.seconds ? (a.seconds < b.seconds ? -1 : 1) : a.nanos - b.nanos;
}

/** Nanoseconds as 0, 3, 6 or 9 fractional digits, as the proto3 JSON forms write them. */
function fraction(nanos: number): string {
  if (nanos === 0) return "";
  const digits = String(nanos).padStart(9, "0");
  return "." + (nanos % 1_000_000 === 0 ? digits.slice(0, 3) : nanos % 1000 === 0 ? digits.slice(0, 6) : digits);
}

/** CEL's string form of a duration: the proto3 JSON form (`1.500s`). */
export function showDuration(d: Time): string {
  const neg = d.seconds < 0n || d.nanos < 0;
  const secs = d.seconds < 0n ? -d.seconds : d.seconds;
  const nanos = Math.abs(d.nanos);
  return `${neg ? "-" : ""}${secs}${fraction(nanos)}s`;
}

/** CEL's string form of a timestamp: RFC 3339 in UTC, as proto3 JSON (`2009-02-13T23:31:30.500Z`). */
export function showTimestamp(t: Time): string {
  const iso = new Date(Number(t.seconds) * 1000).toISOString().replace(/\.000Z$/, "");
  return `${iso}${fraction(t.nanos)}Z`;
}
