"""rpc.v1.EchoService in Python grpcio, the non-Node peer of the interop tests.

Usage: echo_server.py <dir with generated stubs>. Prints "PORT <n>" once serving
on 127.0.0.1, then serves until killed.
"""
import math
import sys
import time
from concurrent import futures

sys.path.insert(0, sys.argv[1])

import grpc  # noqa: E402
from google.protobuf import any_pb2  # noqa: E402
from google.rpc import error_details_pb2, status_pb2  # noqa: E402
from rpc.v1 import echo_pb2, echo_pb2_grpc  # noqa: E402


class Echo(echo_pb2_grpc.EchoServiceServicer):
    def Echo(self, request, context):
        md = dict(context.invocation_metadata())
        context.send_initial_metadata((("x-python-header", "hello"),))
        context.set_trailing_metadata((
            ("x-echo-tag", md.get("x-tag", "")),
            ("x-echo-bin", md.get("x-blob-bin", b"")),
        ))
        if request.text == "fail":
            detail = any_pb2.Any()
            detail.Pack(error_details_pb2.ErrorInfo(reason="PY_REASON", domain="python.example", metadata={"k": "v"}))
            status = status_pb2.Status(code=grpc.StatusCode.FAILED_PRECONDITION.value[0], message="python says no", details=[detail])
            context.set_trailing_metadata((("grpc-status-details-bin", status.SerializeToString()),))
            context.abort(grpc.StatusCode.FAILED_PRECONDITION, "python says no")
        if request.text == "sleep":
            while context.is_active():
                time.sleep(0.01)
            return echo_pb2.EchoResponse()
        # grpcio reports no deadline as None or as a huge remaining time
        remaining = context.time_remaining()
        deadline = "none" if remaining is None or remaining > 3600 else str(math.ceil(remaining))
        return echo_pb2.EchoResponse(text=f"{request.text}|deadline={deadline}", payload=request.payload, sequence=request.sequence)

    def Expand(self, request, context):
        for i in range(request.count):
            yield echo_pb2.EchoResponse(text=f"{request.text}#{i}", sequence=i)

    def Collect(self, request_iterator, context):
        texts = []
        total = 0
        for r in request_iterator:
            texts.append(r.text)
            total += len(r.payload)
        return echo_pb2.CollectResponse(count=len(texts), joined=",".join(texts), total_bytes=total)

    def Chat(self, request_iterator, context):
        for r in request_iterator:
            yield echo_pb2.EchoResponse(text=r.text.upper(), sequence=r.sequence)


def main():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
    echo_pb2_grpc.add_EchoServiceServicer_to_server(Echo(), server)
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print(f"PORT {port}", flush=True)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
