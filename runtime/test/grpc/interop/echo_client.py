"""Calls rpc.v1.EchoService (served by tsgrpc) with Python grpcio in every call
kind and prints what it saw as one JSON object.

Usage: echo_client.py <dir with generated stubs> <port>
"""
import json
import sys

sys.path.insert(0, sys.argv[1])

import grpc  # noqa: E402
from google.rpc import error_details_pb2, status_pb2  # noqa: E402
from rpc.v1 import echo_pb2, echo_pb2_grpc  # noqa: E402


def main():
    out = {}
    with grpc.insecure_channel(f"127.0.0.1:{sys.argv[2]}") as channel:
        stub = echo_pb2_grpc.EchoServiceStub(channel)

        response, call = stub.Echo.with_call(
            echo_pb2.EchoRequest(text="py", payload=b"\x00\xff", sequence=-5),
            metadata=(("x-tag", "from-python"), ("x-blob-bin", b"\x01\x02")),
            timeout=10,
        )
        out["unary"] = {
            "text": response.text,
            "payload": list(response.payload),
            "sequence": response.sequence,
            "header": dict(call.initial_metadata()).get("x-ts-header"),
            "trailerTag": dict(call.trailing_metadata()).get("x-echo-tag"),
            "trailerBin": list(dict(call.trailing_metadata()).get("x-echo-bin", b"")),
        }

        out["serverStreaming"] = [r.text for r in stub.Expand(echo_pb2.ExpandRequest(text="e", count=3), timeout=10)]

        summary = stub.Collect(iter([echo_pb2.EchoRequest(text="a", payload=b"12"), echo_pb2.EchoRequest(text="b", payload=b"3")]), timeout=10)
        out["clientStreaming"] = {"count": summary.count, "joined": summary.joined, "totalBytes": summary.total_bytes}

        out["bidi"] = [r.text for r in stub.Chat(iter([echo_pb2.EchoRequest(text=t) for t in ["x", "y", "z"]]), timeout=10)]

        try:
            stub.Echo(echo_pb2.EchoRequest(text="fail"), timeout=10)
        except grpc.RpcError as e:
            trailers = dict(e.trailing_metadata())
            status = status_pb2.Status.FromString(trailers["grpc-status-details-bin"])
            infos = []
            for d in status.details:
                info = error_details_pb2.ErrorInfo()
                if d.Unpack(info):
                    infos.append({"reason": info.reason, "domain": info.domain, "metadata": dict(info.metadata)})
            out["error"] = {"code": e.code().name, "message": e.details(), "statusCode": status.code, "details": infos, "trailer": trailers.get("x-ts-trailer")}

        try:
            stub.Echo(echo_pb2.EchoRequest(text="sleep"), timeout=0.3)
        except grpc.RpcError as e:
            out["deadline"] = e.code().name

    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
