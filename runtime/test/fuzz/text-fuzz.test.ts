import fc from "fast-check";
import { TextDecodeError, Value, type AnyMessage, type MessageType } from "@tsgrpc/runtime";
import { Maps, Ping, Tree, L1 } from "../../../testdata/gen/hostile/v1/tree_pb.js";
import { Wide } from "../../../testdata/gen/hostile/v1/wide_pb.js";
import { Wrapped } from "../../../testdata/gen/scalars/v1/wrapped_pb.js";
import { Legacy } from "../../../testdata/gen/legacy/v1/legacy_pb.js";
import { arbitraryMessage } from "./arbitrary";
import { HANG_MS, runs, seed, timed } from "./budget";
import { expectPrototypeUntouched } from "./pollution";
import { mutatedText, textFormatUnits } from "./mutate";

const types: MessageType<AnyMessage>[] = [Tree, Maps, Ping, L1, Wide, Value, Wrapped, Legacy];

describe("text format: random messages and mutated text", () => {
  expectPrototypeUntouched();

  test.each(types.map((t) => [t.typeName, t] as const))("%s: every message reads back equal from its text, multi-line and single-line", (name, type) => {
    const inputs = fc.sample(arbitraryMessage(type), { seed, numRuns: runs(type === Wide ? 10 : 100) });
    const failures: string[] = [];
    const { perInputMaxMs } = timed(`text roundtrip ${name}`, inputs, (msg) => {
      for (const singleLine of [false, true]) {
        const text = msg.toText({ singleLine });
        try {
          if (!type.fromText(text).equals(msg)) failures.push(`${name} changed: ${text}`);
        } catch (e) {
          failures.push(`${name} ${String(e)} reading ${text}`);
        }
      }
    });
    expect(failures.slice(0, 5)).toEqual([]);
    expect(perInputMaxMs).toBeLessThan(HANG_MS);
  });

  test.each(types.map((t) => [t.typeName, t] as const))(
    "%s: mutated text parses to a message whose text reads back equal, or throws TextDecodeError",
    (name, type) => {
      const corpus = fc.sample(
        arbitraryMessage(type).map((m) => m.toText()),
        { seed, numRuns: type === Wide ? 5 : 40 },
      );
      const inputs = fc.sample(mutatedText(corpus, textFormatUnits), { seed, numRuns: runs(type === Wide ? 100 : 1000) });
      const failures: string[] = [];
      const { perInputMaxMs } = timed(`text mutated ${name}`, inputs, (text) => {
        try {
          const msg = type.fromText(text);
          if (!type.fromText(msg.toText()).equals(msg)) failures.push(`${name} changed on re-read: ${JSON.stringify(text)}`);
        } catch (e) {
          if (!(e instanceof TextDecodeError) || e.line === undefined) failures.push(`${name} threw ${String(e)} for ${JSON.stringify(text)}`);
        }
      });
      expect(failures.slice(0, 5)).toEqual([]);
      expect(perInputMaxMs).toBeLessThan(HANG_MS);
    },
  );
});
