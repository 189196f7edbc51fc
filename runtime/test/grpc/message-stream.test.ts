import type { MessageInit } from "@tsgrpc/runtime/grpc";
import { toMessage } from "../../src/grpc/definition.js";
import { messageStream } from "../../src/grpc/message-stream.js";
import type { MessageType } from "../../src/message.js";
import { EchoResponse } from "../../../testdata/gen/rpc/v1/echo_pb.js";

// The testdata classes are typed against the built runtime, these modules against its source: one cast here.
const Echo = EchoResponse as unknown as MessageType;
const converted = (s: AsyncIterable<MessageInit<EchoResponse>>) => messageStream(Echo, s as AsyncIterable<never>) as unknown as AsyncIterator<EchoResponse>;

// The hand-written stream interceptors' responses and request streams go through must behave as the generator it replaces.
async function* reference(source: AsyncIterable<MessageInit<EchoResponse>>): AsyncGenerator<EchoResponse> {
  for await (const m of source) yield toMessage(Echo, m as never) as unknown as EchoResponse;
}

type Item = MessageInit<EchoResponse> | null | Error;

/** A source serving `items` (an Error rejects that read) that logs what is done to it; `closeFails` makes its return() reject. */
function source(items: Item[], log: string[], closeFails = false): AsyncIterable<MessageInit<EchoResponse>> {
  return {
    [Symbol.asyncIterator]() {
      log.push("source: iterator taken");
      let i = 0;
      return {
        next: async () => {
          log.push(`source: next ${i}`);
          if (i >= items.length) return { done: true, value: "source's return value" };
          const item = items[i++];
          if (item instanceof Error) throw item;
          return { done: false, value: item as MessageInit<EchoResponse> };
        },
        return: async () => {
          log.push("source: return");
          if (closeFails) throw new Error("close failed");
          return { done: true, value: undefined };
        },
      };
    },
  };
}

type Step = "next" | "return" | "throw";

/** Runs `steps` on the stream `make` builds over a logging source; the log of what the source saw and what each step gave. */
async function run(make: (s: AsyncIterable<MessageInit<EchoResponse>>) => AsyncIterator<EchoResponse>, items: Item[], steps: Step[], closeFails: boolean) {
  const log: string[] = [];
  const it = make(source(items, log, closeFails));
  for (const step of steps) {
    try {
      const r = step === "next" ? await it.next() : step === "return" ? await it.return!("returned") : await it.throw!(new Error("thrown in"));
      log.push(`${step}: ${r.done ? `done ${String(r.value)}` : `${r.value instanceof EchoResponse ? "EchoResponse" : "?"} ${r.value.text}`}`);
    } catch (error) {
      log.push(`${step}: rejected ${(error as Error).constructor.name} ${(error as Error).message.replace(/\n.*/s, "")}`);
    }
  }
  return log;
}

// Rows of four: jest takes a test function with more parameters than its row has as one waiting for `done`.
const scenarios: [string, Item[], Step[], boolean][] = [
  ["converts partials, passes instances, is done after the end", [{ text: "a" }, new EchoResponse({ text: "b" })], ["next", "next", "next", "next"], false],
  ["fails a read whose message cannot be converted and closes the source", [{ text: "a" }, null, { text: "c" }], ["next", "next", "next"], false],
  ["keeps the conversion error when the source fails to close", [null], ["next", "next"], true],
  ["fails with the source's error without closing it", [{ text: "a" }, new Error("source broke"), { text: "c" }], ["next", "next", "next"], false],
  ["returns before any read without touching the source", [{ text: "a" }], ["return", "next"], false],
  ["returns mid-stream, closing the source", [{ text: "a" }, { text: "b" }], ["next", "return", "next"], false],
  ["reports a source that fails to close on return", [{ text: "a" }], ["next", "return", "next"], true],
  ["throws in mid-stream: closes the source and rejects", [{ text: "a" }, { text: "b" }], ["next", "throw", "next"], false],
  ["throws in before any read without touching the source", [{ text: "a" }], ["throw", "next"], false],
  ["throws in after the end", [{ text: "a" }], ["next", "next", "throw", "return"], false],
];

describe("messageStream (what interceptors' message streams go through)", () => {
  it.each(scenarios)("%s, as the generator it replaces", async (_, items, steps, closeFails) => {
    const expected = await run(reference, items, steps, closeFails);
    expect(await run(converted, items, steps, closeFails)).toEqual(expected);
    expect(expected.filter((line) => !line.startsWith("source:"))).toHaveLength(steps.length);
  });

  it("converts as it reads", async () => {
    const log = await run(converted, [{ text: "a" }, { text: "b" }], ["next", "next", "next"], false);
    expect(log).toEqual([
      "source: iterator taken",
      "source: next 0",
      "next: EchoResponse a",
      "source: next 1",
      "next: EchoResponse b",
      "source: next 2",
      "next: done undefined",
    ]);
  });
});
