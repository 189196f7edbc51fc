import { spawnSync } from "node:child_process";
import { builtPlugin } from "./compilers";

/** protoc-gen-tsgrpc started by hand, as a curious user does. */
describe("the protoc-gen-tsgrpc executable", () => {
  const plugin = (args: string[], input?: string) => spawnSync(builtPlugin(), args, { encoding: "utf8", input, timeout: 30_000 });

  it("prints its usage and options for --help, and exits", () => {
    const r = plugin(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^protoc-gen-tsgrpc v\d+\.\d+\.\d+: a protoc \/ buf plugin/);
    for (const option of ["target=ts|js|dts", "import_extension=", "js_import_style=", "long_type=", "services=", "runtime_import="])
      expect(r.stdout).toContain(option);
    expect(r.stderr).toBe("");
  });

  it("prints the usage to stderr and exits 1 when stdin is a terminal, instead of waiting for a request", () => {
    // script(1) gives the plugin a pseudo-terminal as stdin.
    const r = spawnSync("script", ["-qec", builtPlugin(), "/dev/null"], { encoding: "utf8", timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("It reads a CodeGeneratorRequest on stdin");
  });

  it("still reads a request from a pipe, even an empty one", () => {
    const r = plugin([], "");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
  });
});
