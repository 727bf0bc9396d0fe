"""Python's side of `recordSet.bench.ts`: the SDK's record-set upload on the same one-hot matrix.

Usage: python3 recordSet.py <sagemaker-python-sdk src dir> <S3 endpoint> <rows>
Prints {"seconds", "bytes", "maxRssMb"} as JSON on its last line.

What runs is the SDK's own code from the checkout given (v2.257.6): `_build_shards`, and
`write_spmatrix_to_sparse_tensor` for each shard into a temporary file, put to S3 with a boto3
resource, then the manifest, as `upload_numpy_to_s3_shards` does. Two substitutions, both
outside what is timed as encoding: `record_set` itself writes every shard with the *dense*
writer (a sparse matrix is refused there), so the sparse writer the SDK ships for CSR input is
called in its place; and the package's `__init__` (which imports boto3 sessions, sagemaker-core
and the rest of the SDK) is not run: the two modules are loaded on their own, with
`sagemaker.utils` reduced to the one name they import (`DeferredError`).
"""

import json
import os
import resource
import sys
import tempfile
import time
import types

import boto3
import numpy as np
import scipy.sparse


def load_sdk(src):
    package = types.ModuleType("sagemaker")
    package.__path__ = [os.path.join(src, "sagemaker")]
    sys.modules["sagemaker"] = package
    utils = types.ModuleType("sagemaker.utils")

    class DeferredError:  # the only name serializer_utils takes from sagemaker.utils
        def __init__(self, exception):
            self.exc = exception

        def __getattr__(self, name):
            raise self.exc

    utils.DeferredError = DeferredError
    sys.modules["sagemaker.utils"] = utils
    amazon = types.ModuleType("sagemaker.amazon")
    amazon.__path__ = [os.path.join(src, "sagemaker", "amazon")]
    sys.modules["sagemaker.amazon"] = amazon
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "sagemaker.amazon.amazon_estimator_shards",
        os.path.join(src, "sagemaker", "amazon", "amazon_estimator.py"),
    )
    # amazon_estimator imports the whole estimator stack; take `_build_shards` from its source.
    source = open(spec.origin, encoding="utf-8").read()
    start = source.index("def _build_shards(")
    end = source.index("\ndef ", start + 1)
    shards_module = {}
    exec(compile(source[start:end], spec.origin, "exec"), shards_module)
    from sagemaker.serializer_utils import write_spmatrix_to_sparse_tensor

    return shards_module["_build_shards"], write_spmatrix_to_sparse_tensor


def one_hot(rows, cols=10_000):
    # The same matrix as recordSetUpload.ts: one 1.0 a row at column (row * 7919) % cols.
    index = np.arange(rows, dtype=np.int64)
    matrix = scipy.sparse.csr_matrix(
        (np.ones(rows, dtype=np.float32), ((index * 7919) % cols).astype(np.int32), np.arange(rows + 1)),
        shape=(rows, cols),
    )
    return matrix, (index % 2).astype(np.float32)


def main():
    src, endpoint, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
    build_shards, write_sparse = load_sdk(src)
    s3 = boto3.resource(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="bench",
        aws_secret_access_key="bench",
        config=boto3.session.Config(s3={"addressing_style": "path"}),
    )
    matrix, labels = one_hot(rows)
    bucket, key_prefix = "records", "python/"
    started = time.perf_counter()
    shards, label_shards = build_shards(2, matrix), build_shards(2, labels)
    uploaded, total = [], 0
    for i, shard in enumerate(shards):
        with tempfile.TemporaryFile() as file:
            write_sparse(file, shard, label_shards[i])
            total += file.tell()
            file.seek(0)
            name = "matrix_{}.pbr".format(str(i).zfill(len(str(len(shards)))))
            s3.Object(bucket, key_prefix + name).put(Body=file)
            uploaded.append(name)
    manifest = json.dumps([{"prefix": "s3://{}/{}".format(bucket, key_prefix)}] + uploaded)
    s3.Object(bucket, key_prefix + ".amazon.manifest").put(Body=manifest.encode("utf-8"))
    seconds = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "bytes": total, "maxRssMb": rss}))


if __name__ == "__main__":
    main()
