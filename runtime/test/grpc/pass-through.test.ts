/**
 * The behaviour suites run twice (jest.config.js): here is the proof that the second run takes the
 * interceptor path and the first does not.
 */
import { clientOptions, passThroughCalls, passThroughMode, serverOptions, startEcho } from "./helpers.js";

it(
  passThroughMode ? "with pass-through interceptors: both sides' interceptors see every call" : "without interceptors: no interceptor is installed",
  async () => {
    expect(serverOptions().interceptors?.length ?? 0).toBe(passThroughMode ? 1 : 0);
    expect(clientOptions().interceptors?.length ?? 0).toBe(passThroughMode ? 1 : 0);
    const echo = await startEcho({
      async echo(request) {
        return { text: request.text };
      },
    });
    try {
      const before = { ...passThroughCalls };
      expect((await echo.client.echo({ text: "a" })).text).toBe("a");
      const seen = passThroughMode ? 1 : 0;
      expect(passThroughCalls).toEqual({ client: before.client + seen, server: before.server + seen });
    } finally {
      await echo.stop();
    }
  },
);
