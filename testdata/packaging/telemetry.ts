// A user's test of a traced service, copied into esm/src and cjs/src beside main.ts by
// plugin/test/packaging.slow.test.ts: @tsgrpc/runtime/otel and @tsgrpc/runtime/testing from the packed
// runtime, with the OpenTelemetry API and SDK the user installed. Prints the spans' kinds and parentage.
import { SpanKind } from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { clientTelemetry, serverTelemetry } from "@tsgrpc/runtime/otel";
import { stubClient, testServer } from "@tsgrpc/runtime/testing";
import { Greeter, GreeterClient } from "./gen/greet/v1/greeter_grpc.js";

async function main(): Promise<void> {
  const spans = new InMemorySpanExporter();
  const options = {
    tracerProvider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }),
    propagator: new W3CTraceContextPropagator(),
    metrics: false,
  };
  {
    await using t = await testServer(
      Greeter,
      { greet: async (request) => ({ greeting: `hi ${request.name}` }) },
      { server: { interceptors: [serverTelemetry(options)] } },
    );
    const client = t.client(GreeterClient, { interceptors: [clientTelemetry(options)] });
    await client.greet({ name: "otel" });
  }
  const [server, client] = [SpanKind.SERVER, SpanKind.CLIENT].map((kind) => spans.getFinishedSpans().find((s) => s.kind === kind)!);
  const stub = stubClient(GreeterClient, Greeter, { greet: { greeting: "stubbed" } });
  console.log(
    typeof require === "function" ? "commonjs" : "module",
    client.name,
    server.parentSpanContext?.spanId === client.spanContext().spanId ? "server span is the client span's child" : "unrelated spans",
    (await stub.greet({})).greeting,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
