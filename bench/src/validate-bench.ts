import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createFileRegistry, fromBinary, type DescMessage } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { createValidator } from "@bufbuild/protovalidate";
import type { Message } from "@tsgrpc/runtime";
import { validate } from "@tsgrpc/runtime/validate";
import { CelUserPage, CelUserRecord, PredefinedUserRecord, UserPage, UserRecord } from "../gen/tsgrpc-validate/bench/validate/v1/records_pb.js";
import { count, percent, ratio, table } from "./table.js";
import { calibrate, compileLoop, summarize, timeLoop } from "./timing.js";

/**
 * Validation: tsgrpc's generated validators against protovalidate-es on the same messages (the
 * protobuf-es side decoded from the same bytes with the same descriptors), a ~200 B record and a
 * ~10 KB page of records, each without and with a message-level CEL rule, and the record with
 * predefined rules (protovalidate-es then given the registry, which holds their extensions). All valid, so every
 * rule runs. In one process, the two validators alternating round by round: the machine is
 * shared, so drift touches both alike, but the numbers stay noisy.
 */

/** The bench's valid ~200 B record, the `i`th of a page. */
export function benchRecord<T>(Type: new (init: object) => T, i: number): T {
  return new Type({
    id: `550e8400-e29b-41d4-a716-${(446655440000 + i).toString().padStart(12, "0")}`,
    email: `firstname.lastname.${i}@mail.example-company.com`,
    name: `Firstname Middlename Lastname-Number ${i}`,
    age: 20 + (i % 60),
    tags: ["customer", "newsletter", "beta-tester", `segment-${i % 7}`, "emea"],
    score: (i * 7.3) % 100,
    country: "DE",
    createdMs: 1764979200000n + BigInt(i),
  });
}

function cases(): { name: string; message: Message<any> }[] {
  const page = <P, R>(Page: new (init: object) => P, Record: new (init: object) => R) =>
    new Page({ records: Array.from({ length: 50 }, (_, i) => benchRecord(Record, i)), nextToken: "c2Vlay0xMjM0NTY3OA==" });
  return [
    { name: "record", message: benchRecord(UserRecord, 1) as Message<any> },
    { name: "page of 50 records", message: page(UserPage, UserRecord) as Message<any> },
    { name: "record + CEL rule", message: benchRecord(CelUserRecord, 1) as Message<any> },
    { name: "page of 50 + CEL rule", message: page(CelUserPage, CelUserRecord) as Message<any> },
    { name: "record + predefined rules", message: benchRecord(PredefinedUserRecord, 1) as Message<any> },
  ];
}

export function runValidateBench(options: { rounds: number; batchSeconds: number; smoke: boolean }): void {
  const set = fromBinary(FileDescriptorSetSchema, readFileSync(join(__dirname, "..", "..", "gen", "validate-bench.binpb")));
  const registry = createFileRegistry(set);
  const plain = createValidator();
  const withExtensions = createValidator({ registry });
  const rows = cases().map(({ name, message }) => {
    const typeName = (message.constructor as unknown as { typeName: string }).typeName;
    const desc = registry.getMessage(typeName) as DescMessage;
    const validator = typeName.includes("Predefined") ? withExtensions : plain;
    const bytes = message.toBinary();
    const es = fromBinary(desc, bytes);
    for (const [who, kind] of [
      ["tsgrpc", validate(message).kind],
      ["protovalidate-es", validator.validate(desc, es).kind],
    ]) {
      if (kind !== "valid") throw new Error(`bench message ${name} is ${kind} for ${who}`);
    }
    const cells = [compileLoop("validate(m)", { validate, m: message }), compileLoop("validator.validate(desc, m)", { validator, desc, m: es })].map(
      (loop) => ({ loop, n: options.smoke ? 2 : calibrate(loop, options.batchSeconds), ns: [] as number[] }),
    );
    for (let round = 0; round < options.rounds; round++) {
      for (const cell of cells) cell.ns.push((timeLoop(cell.loop, cell.n) / cell.n) * 1e9);
    }
    const [ours, theirs] = cells.map((c) => summarize(c.ns));
    return [
      `${name} (${bytes.length.toLocaleString("en-US")} B)`,
      count(ours.median),
      percent(ours.spread),
      count(theirs.median),
      percent(theirs.spread),
      ratio(theirs.median / ours.median),
    ];
  });
  console.log(table(["message", "tsgrpc ns", "±", "protovalidate-es ns", "±", "tsgrpc speed-up"], rows) + "\n");
}
