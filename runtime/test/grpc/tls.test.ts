/**
 * TLS and mutual TLS end to end with the test PKI in ./fixtures
 * (regenerate with fixtures/make-certs.sh).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Code, credentials, Server, ServerCredentials } from "@tsgrpc/runtime/grpc";
import { EchoService, EchoServiceClient } from "../../../testdata/gen/rpc/v1/echo_grpc.js";
import { rejection } from "./helpers.js";

const pem = (name: string) => readFileSync(join(__dirname, "fixtures", name));
const ca = pem("ca.crt");
const serverKeyPair = { private_key: pem("server.key"), cert_chain: pem("server.crt") };

async function serve(serverCredentials: ReturnType<typeof ServerCredentials.createSsl>) {
  const server = new Server().add(EchoService, {
    async echo(request) {
      return { text: request.text };
    },
    async *expand(request) {
      for (let i = 0; i < request.count; i++) yield { text: String(i) };
    },
  });
  const port = await server.listen("127.0.0.1:0", serverCredentials);
  return { server, port };
}

describe("TLS", () => {
  let server: Server;
  let port: number;
  beforeAll(async () => ({ server, port } = await serve(ServerCredentials.createSsl(ca, [serverKeyPair], false))));
  afterAll(() => server.forceShutdown());

  it("a client trusting the CA calls every kind over TLS", async () => {
    const client = new EchoServiceClient(`127.0.0.1:${port}`, credentials.createSsl(ca));
    try {
      expect((await client.echo({ text: "hi" })).text).toBe("hi");
      const texts: string[] = [];
      for await (const r of client.expand({ count: 3 })) texts.push(r.text);
      expect(texts).toEqual(["0", "1", "2"]);
    } finally {
      client.close();
    }
  });

  it("a client that does not trust the server's CA fails with UNAVAILABLE", async () => {
    const client = new EchoServiceClient(`127.0.0.1:${port}`, credentials.createSsl(pem("other-ca.crt")));
    try {
      expect((await rejection(client.echo({}, { timeoutMs: 5000 }))).code).toBe(Code.UNAVAILABLE);
    } finally {
      client.close();
    }
  });

  it("a plaintext client cannot talk to a TLS server", async () => {
    const client = new EchoServiceClient(`127.0.0.1:${port}`);
    try {
      expect([Code.UNAVAILABLE, Code.INTERNAL]).toContain((await rejection(client.echo({}, { timeoutMs: 5000 }))).code);
    } finally {
      client.close();
    }
  });
});

describe("mutual TLS", () => {
  let server: Server;
  let port: number;
  beforeAll(async () => ({ server, port } = await serve(ServerCredentials.createSsl(ca, [serverKeyPair], true))));
  afterAll(() => server.forceShutdown());

  it("a client presenting a certificate from the CA is served", async () => {
    const client = new EchoServiceClient(`127.0.0.1:${port}`, credentials.createSsl(ca, pem("client.key"), pem("client.crt")));
    try {
      expect((await client.echo({ text: "mtls" })).text).toBe("mtls");
    } finally {
      client.close();
    }
  });

  it("a client without a certificate is refused", async () => {
    const client = new EchoServiceClient(`127.0.0.1:${port}`, credentials.createSsl(ca));
    try {
      expect((await rejection(client.echo({}, { timeoutMs: 5000 }))).code).toBe(Code.UNAVAILABLE);
    } finally {
      client.close();
    }
  });
});
