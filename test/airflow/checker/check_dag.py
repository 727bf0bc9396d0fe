"""Checks a DAG file written by toAirflowDag without Airflow.

    python3 check_dag.py DAG_FILE [CONTEXT_JSON]

1. Parses the file with ast: only imports, literal constants (ast.literal_eval must read every
   module-level assignment) and the DAG block.
2. Imports it against the stub provider modules beside this script, whose operator signatures copy
   the provider's: an unknown keyword argument fails there.
3. Renders every template field of every task the way Airflow does (every string of the field,
   dict values but never keys, in a SandboxedEnvironment with StrictUndefined, Airflow's filters
   and the DAG's jinja_environment_kwargs), against the context in CONTEXT_JSON:
   {"vars": {...}, "xcom": {"task_id": value}}.
4. Runs the operator's preprocessing (pops S3Operations, casts its integer_fields).

Prints one JSON object: the DAG's arguments and, per task, its operator, arguments, upstream ids,
the config as written, the rendered template fields and the request after preprocessing. Floats
are written as {"__float__": repr} so that 2.0 and 2 stay apart. Exits 1 with a message on error.
"""
from __future__ import annotations

import ast
import datetime
import importlib.util
import json
import os
import sys

import jinja2
import jinja2.sandbox

STUBS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "stubs")
ALLOWED_IMPORTS = {"datetime", "airflow", "airflow.sdk", "airflow.providers.amazon.aws.operators.sagemaker"}


def fail(message: str) -> None:
    print(message, file=sys.stderr)
    sys.exit(1)


def check_syntax(path: str) -> None:
    with open(path, encoding="utf-8") as file:
        source = file.read()
    if not source.isascii():
        fail("the file is not ASCII")
    tree = ast.parse(source, filename=path)
    for node in tree.body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            continue  # the docstring
        if isinstance(node, ast.Import | ast.ImportFrom):
            check_import(node)
        elif isinstance(node, ast.Try):
            for inner in [*node.body, *[stmt for h in node.handlers for stmt in h.body]]:
                if not isinstance(inner, ast.Import | ast.ImportFrom):
                    fail(f"line {inner.lineno}: only imports may sit in a try block")
                check_import(inner)
        elif isinstance(node, ast.Assign):
            try:
                ast.literal_eval(node.value)
            except ValueError:
                fail(f"line {node.lineno}: a module-level assignment is not a pure literal")
        elif isinstance(node, ast.With):
            check_dag_block(node)
        else:
            fail(f"line {node.lineno}: unexpected {type(node).__name__} at module level")


def check_import(node: ast.Import | ast.ImportFrom) -> None:
    names = [node.module] if isinstance(node, ast.ImportFrom) else [alias.name for alias in node.names]
    for name in names:
        if name not in ALLOWED_IMPORTS:
            fail(f"line {node.lineno}: unexpected import of {name}")


def check_dag_block(node: ast.With) -> None:
    for stmt in node.body:
        if isinstance(stmt, ast.Assign) and isinstance(stmt.value, ast.Call):
            for keyword in stmt.value.keywords:
                if keyword.arg == "config":
                    continue
                try:
                    ast.literal_eval(keyword.value)
                except ValueError:
                    fail(f"line {stmt.lineno}: argument {keyword.arg} is not a literal")
        elif isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.BinOp) and isinstance(stmt.value.op, ast.RShift):
            continue
        else:
            fail(f"line {stmt.lineno}: unexpected statement in the DAG block")


def load(path: str):
    sys.path.insert(0, STUBS)
    spec = importlib.util.spec_from_file_location("written_dag", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from airflow.sdk import DAG

    dags = [value for value in vars(module).values() if isinstance(value, DAG)]
    if len(dags) != 1:
        fail(f"expected one DAG in the file, found {len(dags)}")
    return dags[0]


# Airflow's task-template environment: airflow/sdk/definitions/_internal/templater.py.
def _date_filter(fmt):
    return lambda value: None if value is None else value.strftime(fmt)


FILTERS = {
    "ds": _date_filter("%Y-%m-%d"),
    "ds_nodash": _date_filter("%Y%m%d"),
    "ts": lambda value: None if value is None else value.isoformat(),
    "ts_nodash": _date_filter("%Y%m%dT%H%M%S"),
    "ts_nodash_with_tz": lambda value: None if value is None else value.isoformat().replace("-", "").replace(":", ""),
}


class AirflowSandbox(jinja2.sandbox.SandboxedEnvironment):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.filters.update(FILTERS)

    def is_safe_attribute(self, obj, attr, value):
        return not jinja2.sandbox.is_internal_attribute(obj, attr)


def template_env(dag) -> jinja2.Environment:
    if dag.kwargs["render_template_as_native_obj"]:
        fail("the DAG renders templates as native objects")
    options = {"undefined": jinja2.StrictUndefined, "extensions": ["jinja2.ext.do"], "cache_size": 0}
    options.update(dag.kwargs["jinja_environment_kwargs"] or {})
    env = AirflowSandbox(**options)
    env.globals.update(dag.kwargs["user_defined_macros"] or {})
    env.filters.update(dag.kwargs["user_defined_filters"] or {})
    return env


class TaskInstance:
    """The part of Airflow's TaskInstance templates use: xcom_pull of a task's return value."""

    def __init__(self, xcom: dict):
        self._xcom = xcom

    def xcom_pull(self, task_ids=None, dag_id=None, key="return_value", include_prior_dates=False, map_indexes=None, default=None):
        if isinstance(task_ids, str):
            return self._xcom.get(task_ids, default)
        return [self._xcom.get(task_id, default) for task_id in task_ids]


def render(value, context: dict, env: jinja2.Environment):
    # Airflow's Templater.render_template for the types a JSON config holds.
    if isinstance(value, str):
        return env.from_string(value).render(**context)
    if isinstance(value, list):
        return [render(item, context, env) for item in value]
    if isinstance(value, dict):
        return {key: render(item, context, env) for key, item in value.items()}
    return value


def typed(value):
    """JSON with floats marked, so that ints and floats stay apart."""
    if isinstance(value, bool) or value is None or isinstance(value, int | str):
        return value
    if isinstance(value, float):
        return {"__float__": repr(value)}
    if isinstance(value, list | tuple):
        return [typed(item) for item in value]
    if isinstance(value, dict):
        return {key: typed(item) for key, item in value.items()}
    if isinstance(value, datetime.datetime):
        return {"__datetime__": value.isoformat()}
    fail(f"unexpected {type(value).__name__} in the DAG")


def main() -> None:
    if len(sys.argv) not in (2, 3):
        fail(__doc__.strip().splitlines()[2])
    path = sys.argv[1]
    check_syntax(path)
    dag = load(path)
    context_json = {"vars": {}, "xcom": {}}
    if len(sys.argv) == 3:
        with open(sys.argv[2], encoding="utf-8") as file:
            context_json = json.load(file)
    context = {**context_json.get("vars", {}), "ti": TaskInstance(context_json.get("xcom", {}))}
    env = template_env(dag)
    tasks = []
    for task in dag.tasks:
        written = typed(task.config)
        rendered = {}
        for field in task.template_fields:
            value = render(getattr(task, field), context, env)
            rendered[field] = typed(value)
            if value:  # Airflow sets a rendered field only when the result is truthy.
                setattr(task, field, value)
        s3_operations = task.preprocess_config()
        tasks.append(
            {
                "task_id": task.task_id,
                "operator": type(task).__name__,
                "arguments": typed(task.init_args),
                "aws_conn_id": task.aws_conn_id,
                "region_name": task.region_name,
                "upstream": sorted(task.upstream_task_ids),
                "config": written,
                "rendered": rendered,
                "s3_operations": typed(s3_operations),
                "request": typed(task.config),
            }
        )
    report = {"dag_id": dag.dag_id, "dag": typed(dag.kwargs), "tasks": tasks}
    print(json.dumps(report, ensure_ascii=True))


if __name__ == "__main__":
    main()
