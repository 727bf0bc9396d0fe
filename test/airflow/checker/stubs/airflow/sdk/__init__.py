"""Stand-in for airflow.sdk: a DAG that records its arguments and tasks.

The keyword arguments are those of Airflow's DAG that a written DAG may use; any other keyword is
a TypeError, as Airflow's DAG refuses unknown arguments.
"""
from __future__ import annotations

_current: list["DAG"] = []


class DAG:
    def __init__(
        self,
        dag_id: str,
        *,
        description: str | None = None,
        schedule=None,
        start_date=None,
        end_date=None,
        default_args: dict | None = None,
        max_active_tasks: int | None = None,
        max_active_runs: int | None = None,
        dagrun_timeout=None,
        catchup: bool | None = None,
        doc_md: str | None = None,
        params: dict | None = None,
        user_defined_macros: dict | None = None,
        user_defined_filters: dict | None = None,
        jinja_environment_kwargs: dict | None = None,
        render_template_as_native_obj: bool = False,
        tags: list[str] | None = None,
    ):
        self.dag_id = dag_id
        self.kwargs = {
            "description": description,
            "schedule": schedule,
            "start_date": start_date,
            "catchup": catchup,
            "tags": tags,
            "params": params,
            "user_defined_macros": user_defined_macros,
            "user_defined_filters": user_defined_filters,
            "jinja_environment_kwargs": jinja_environment_kwargs,
            "render_template_as_native_obj": render_template_as_native_obj,
        }
        self.tasks: list = []

    def __enter__(self) -> "DAG":
        _current.append(self)
        return self

    def __exit__(self, *exc) -> None:
        _current.pop()


def current_dag() -> DAG:
    if not _current:
        raise RuntimeError("an operator was created outside a DAG context")
    return _current[-1]
