import type { Span } from "@opentelemetry/api";

/** Adds semantic conventions' `rpc.message` events, numbered per direction from 1. */
export class MessageEvents {
  #sent = 0;
  #received = 0;

  constructor(private readonly span: Span) {}

  sent(): void {
    this.span.addEvent("rpc.message", { "rpc.message.type": "SENT", "rpc.message.id": ++this.#sent });
  }

  received(): void {
    this.span.addEvent("rpc.message", { "rpc.message.type": "RECEIVED", "rpc.message.id": ++this.#received });
  }

  /** `messages`, with an event for each one read from it. */
  async *tap<T>(messages: AsyncIterable<T>, event: () => void): AsyncGenerator<T> {
    for await (const m of messages) {
      event();
      yield m;
    }
  }
}
