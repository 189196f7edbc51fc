"use strict";
/**
 * A cross-process lock (a directory holding the owner's pid). Several
 * `npm test` runs in one work tree would otherwise regenerate and compile the
 * testee at the same time and run a half-written one.
 */
const fs = require("node:fs");
const path = require("node:path");

const POLL_MS = 200;
const TIMEOUT_MS = 10 * 60_000;

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function ownerAlive(lockDir) {
  let pid;
  try {
    pid = Number(fs.readFileSync(path.join(lockDir, "pid"), "utf8"));
  } catch {
    return true; // the owner is between mkdir and writing its pid
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}

/** Runs `fn` while holding the lock at `lockDir`; takes over a lock whose owner died. */
function withLock(lockDir, fn) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      if (!ownerAlive(lockDir)) fs.rmSync(lockDir, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir} (remove it if no conformance run is going on)`, { cause: e });
      else sleep(POLL_MS);
    }
  }
  try {
    fs.writeFileSync(path.join(lockDir, "pid"), String(process.pid));
    return fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

module.exports = { withLock };
