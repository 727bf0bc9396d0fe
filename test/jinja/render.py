"""Jinja2 oracle for the template engine's tests.

Reads JSON lines {"template": str, "context": tagged, "airflow": spec?} on stdin and writes one
JSON line per input: {"ok": true, "out": str} or {"ok": false, "error": type name, "message": str}.
Templates render in SandboxedEnvironment(undefined=StrictUndefined) with Airflow's date filters,
as Airflow renders templated fields.

Tagged context values (how the TypeScript side maps JavaScript values to Python):
  JSON null/bool/str/list/dict  -> None/bool/str/list/dict
  integral number               -> int;  other number -> float
  {"$float": n}                 -> float (a PyFloat, so 2 can be 2.0)
  {"$datetime": iso}            -> a UTC datetime printed as pendulum prints it (with "T")
  {"$tuple": [...]}             -> tuple
  {"$object": {...}}            -> a plain dict (escape hatch for keys starting with "$")
"""
import json
import sys
from datetime import datetime, timedelta, timezone

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment


class DateTime(datetime):
    """pendulum.DateTime's str() and repr() (Airflow's logical dates), on the standard datetime."""

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        parts = [self.year, self.month, self.day, self.hour, self.minute, self.second]
        if self.microsecond:
            parts.append(self.microsecond)
        return "DateTime(%s, tzinfo=Timezone('UTC'))" % ", ".join(str(p) for p in parts)


def parse_datetime(text):
    if isinstance(text, dict):
        text = text["$datetime"]
    value = datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)
    return DateTime(value.year, value.month, value.day, value.hour, value.minute, value.second,
                    value.microsecond, tzinfo=timezone.utc)


def untag(value):
    if isinstance(value, list):
        return [untag(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1:
            (key, inner), = value.items()
            if key == "$float":
                return float(inner)
            if key == "$datetime":
                return parse_datetime(inner)
            if key == "$tuple":
                return tuple(untag(v) for v in inner)
            if key == "$object":
                return {k: untag(v) for k, v in inner.items()}
        return {k: untag(v) for k, v in value.items()}
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# Airflow's airflow/templates.py filters.
def ds_filter(value):
    return None if value is None else value.strftime("%Y-%m-%d")


def ds_nodash_filter(value):
    return None if value is None else value.strftime("%Y%m%d")


def ts_filter(value):
    return None if value is None else value.isoformat()


def ts_nodash_filter(value):
    return None if value is None else value.strftime("%Y%m%dT%H%M%S")


def ts_nodash_with_tz_filter(value):
    return None if value is None else value.isoformat().replace("-", "").replace(":", "")


# Airflow's airflow/macros/__init__.py ds_add and ds_format.
def ds_add(ds, days):
    if not days:
        return str(ds)
    dt = datetime.strptime(str(ds), "%Y-%m-%d") + timedelta(days=days)
    return dt.strftime("%Y-%m-%d")


def ds_format(ds, input_format, output_format):
    return datetime.strptime(str(ds), input_format).strftime(output_format)


class Namespace:
    def __init__(self, **attrs):
        self.__dict__.update(attrs)


class VariableAccessor:
    """Airflow's var.value / var.json: attribute access and get(key, default_var)."""

    def __init__(self, variables, deserialize):
        self._variables = variables
        self._deserialize = deserialize

    def __getattr__(self, key):
        return self.get(key)

    def get(self, item, default_var=KeyError):
        if item not in self._variables:
            if default_var is KeyError:
                raise KeyError(item)
            return default_var
        raw = self._variables[item]
        return json.loads(raw) if self._deserialize else raw


class TaskInstance:
    def __init__(self, xcom):
        self._xcom = xcom

    def xcom_pull(self, task_ids=None, dag_id=None, key="return_value", include_prior_dates=False,
                  map_indexes=None, default=None):
        if key != "return_value":
            return default
        if isinstance(task_ids, (list, tuple)):
            return [self._xcom.get(t, default) for t in task_ids]
        return self._xcom.get(task_ids, default)


def airflow_context(spec):
    logical = parse_datetime(spec["logicalDate"])
    start = parse_datetime(spec["dataIntervalStart"]) if "dataIntervalStart" in spec else logical
    end = parse_datetime(spec["dataIntervalEnd"]) if "dataIntervalEnd" in spec else logical
    ds = logical.strftime("%Y-%m-%d")
    ts = logical.isoformat()
    ti = TaskInstance(untag(spec.get("xcom", {})))
    variables = untag(spec.get("variables", {}))
    context = {
        "ds": ds,
        "ds_nodash": ds.replace("-", ""),
        "ts": ts,
        "ts_nodash": logical.strftime("%Y%m%dT%H%M%S"),
        "ts_nodash_with_tz": ts.replace("-", "").replace(":", ""),
        "logical_date": logical,
        "execution_date": logical,
        "data_interval_start": start,
        "data_interval_end": end,
        "yesterday_ds": ds_add(ds, -1),
        "yesterday_ds_nodash": ds_add(ds, -1).replace("-", ""),
        "tomorrow_ds": ds_add(ds, 1),
        "tomorrow_ds_nodash": ds_add(ds, 1).replace("-", ""),
        "params": untag(spec.get("params", {})),
        "var": Namespace(value=VariableAccessor(variables, False), json=VariableAccessor(variables, True)),
        "macros": Namespace(ds_add=ds_add, ds_format=ds_format, datetime=datetime),
        "ti": ti,
        "task_instance": ti,
    }
    if "runId" in spec:
        context["run_id"] = untag(spec["runId"])
    if "dataIntervalStart" in spec and "dataIntervalEnd" in spec:
        step = end - start
        for name, moved in (("prev", logical - step), ("next", logical + step)):
            context[name + "_ds"] = moved.strftime("%Y-%m-%d")
            context[name + "_ds_nodash"] = moved.strftime("%Y%m%d")
    return context


def main():
    env = SandboxedEnvironment(undefined=StrictUndefined)
    env.filters.update(ds=ds_filter, ds_nodash=ds_nodash_filter, ts=ts_filter,
                       ts_nodash=ts_nodash_filter, ts_nodash_with_tz=ts_nodash_with_tz_filter)
    sys.setrecursionlimit(3000)
    for line in sys.stdin:
        case = json.loads(line)
        try:
            context = airflow_context(case["airflow"]) if "airflow" in case else untag(case.get("context", {}))
            out = {"ok": True, "out": env.from_string(case["template"]).render(**context)}
        except BaseException as error:  # noqa: BLE001 - every failure is an outcome to compare
            if isinstance(error, KeyboardInterrupt):
                raise
            out = {"ok": False, "error": type(error).__name__, "message": str(error)[:300]}
        sys.stdout.write(json.dumps(out) + "\n")
    sys.stdout.flush()


main()
