import { once } from "node:events";
import * as grpc from "@grpc/grpc-js";
import { toGrpcDefinition } from "@tsgrpc/runtime/grpc";
import { User } from "../../../gen/tsgrpc/bench/v1/user_pb.js";
import { DownloadRequest, UploadSummary } from "../../../gen/tsgrpc/bench/v1/service_pb.js";
import { BenchService } from "../../../gen/tsgrpc/bench/v1/service_grpc.js";
import type { RpcImpl } from "../impl.js";
import { sampleUserBytes } from "../sample.js";

const user = User.fromBinary(sampleUserBytes());

/** The generic client grpc-js builds for BenchService, as these calls use it. */
interface BenchClient extends grpc.Client {
  echo(request: User, callback: (e: grpc.ServiceError | null, r: User) => void): grpc.ClientUnaryCall;
  download(request: DownloadRequest): grpc.ClientReadableStream<User>;
  upload(callback: (e: grpc.ServiceError | null, r: UploadSummary) => void): grpc.ClientWritableStream<User>;
  pingPong(): grpc.ClientDuplexStream<User, User>;
}
const definition = toGrpcDefinition(BenchService);

/** Writes `count` records, waiting for 'drain' whenever grpc-js asks to (its flow control). */
async function writeAll(stream: { write(m: unknown): boolean } & NodeJS.EventEmitter, count: number): Promise<void> {
  for (let i = 0; i < count; i++) if (!stream.write(user)) await once(stream, "drain");
}

const handlers: grpc.UntypedServiceImplementation = {
  echo(call: grpc.ServerUnaryCall<User, User>, callback: grpc.sendUnaryData<User>) {
    callback(null, call.request);
  },
  download(call: grpc.ServerWritableStream<DownloadRequest, User>) {
    writeAll(call, call.request.count).then(
      () => call.end(),
      (e: Error) => call.destroy(e),
    );
  },
  upload(call: grpc.ServerReadableStream<User, UploadSummary>, callback: grpc.sendUnaryData<UploadSummary>) {
    let n = 0;
    call.on("data", () => n++);
    call.on("end", () => callback(null, new UploadSummary({ count: n })));
  },
  pingPong(call: grpc.ServerDuplexStream<User, User>) {
    call.on("data", (m: User) => call.write(m));
    call.on("end", () => call.end());
  },
};

/**
 * Raw grpc-js on both sides with tsgrpc's serializers (`toGrpcDefinition`):
 * the floor for the cost tsgrpc's RPC layer adds.
 */
export const grpcJsRpc: RpcImpl = {
  name: "grpc-js + tsgrpc codec",
  async serve() {
    const server = new grpc.Server();
    server.addService(definition, handlers);
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (e, p) => (e ? reject(e) : resolve(p))),
    );
    return { port, stop: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())) };
  },
  connect(port) {
    const Client = grpc.makeGenericClientConstructor(definition, "BenchService");
    const client = new Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as unknown as BenchClient;
    return {
      echo: () => new Promise((resolve, reject) => client.echo(user, (e, r) => (e ? reject(e) : resolve(r)))),
      download: (count) =>
        new Promise((resolve, reject) => {
          let n = 0;
          const call = client.download(new DownloadRequest({ count }));
          call.on("data", () => n++);
          call.on("end", () => resolve(n));
          call.on("error", reject);
        }),
      upload: (count) =>
        new Promise((resolve, reject) => {
          const call = client.upload((e, r) => (e ? reject(e) : resolve(r.count)));
          writeAll(call, count).then(() => call.end(), reject);
        }),
      pingPong: (rounds) =>
        new Promise((resolve, reject) => {
          let n = 0;
          const call = client.pingPong();
          call.on("data", () => (++n === rounds ? call.end() : call.write(user)));
          call.on("end", () => resolve());
          call.on("error", reject);
          call.write(user);
        }),
      close: () => client.close(),
    };
  },
};
