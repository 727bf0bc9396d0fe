"""Stand-in for the `airflow` package: just what a DAG file from toAirflowDag imports.

Airflow 2 exposes DAG here; Airflow 3 from airflow.sdk (and here too, for old DAGs).
"""
from airflow.sdk import DAG  # noqa: F401
