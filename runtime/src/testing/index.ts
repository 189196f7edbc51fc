/**
 * `@tsgrpc/runtime/testing`: run a service for a test on a real loopback
 * server (`testServer`), or stub a generated client with no server at all
 * (`stubClient`).
 */
export { testServer, type ClientClass, type TestServer, type TestServerOptions } from "./test-server.js";
export { stubClient, type StreamScript, type StubBehaviour, type StubBehaviours } from "./stub-client.js";
