/**
 * The conformance testee: reads length-prefixed ConformanceRequests from
 * stdin and writes one length-prefixed ConformanceResponse for each.
 */
import { frame, FrameReader } from "./framing.js";
import { respond } from "./respond.js";

const reader = new FrameReader();
process.stdin.on("data", (chunk: Buffer) => {
  for (const request of reader.push(chunk)) process.stdout.write(frame(respond(request)));
});
process.stdin.on("end", () => {
  if (reader.buffered > 0) {
    process.stderr.write(`conformance testee: input ended inside a request (${reader.buffered} bytes buffered)\n`);
    process.exitCode = 1;
  }
});
