"""Stand-in for airflow.providers.amazon.aws.operators.sagemaker.

Each operator's keyword arguments and their defaults are the Amazon provider's (read from its
operators/sagemaker.py, base_aws.py and the base operator), kept as a table per operator; a
keyword the provider does not take is a TypeError here as it is in Airflow. The
template fields and the integer fields each operator casts back after rendering are the
provider's too; the checker reads them from here. Nothing runs against AWS.
"""
from __future__ import annotations

from airflow.sdk import current_dag

CHECK_INTERVAL_SECOND = 30


class BaseOperator:
    template_fields: tuple[str, ...] = ()

    def __init__(self, *, task_id: str, dag=None, retries: int | None = None, doc_md: str | None = None):
        self.task_id = task_id
        self.dag = dag or current_dag()
        self.upstream_task_ids: set[str] = set()
        self.dag.tasks.append(self)

    def __rshift__(self, other):
        for task in other if isinstance(other, list) else [other]:
            task.upstream_task_ids.add(self.task_id)
        return other


def aws_template_fields(*fields: str) -> tuple[str, ...]:
    return tuple(sorted({"aws_conn_id", "region_name", "verify"} | set(fields)))


class AwsBaseOperator(BaseOperator):
    template_fields = aws_template_fields()

    def __init__(
        self,
        *,
        aws_conn_id: str | None = "aws_default",
        region_name: str | None = None,
        verify: bool | str | None = None,
        botocore_config: dict | None = None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.aws_conn_id = aws_conn_id
        self.region_name = region_name
        self.verify = verify
        self.botocore_config = botocore_config


class SageMakerBaseOperator(AwsBaseOperator):
    template_fields = aws_template_fields("config")
    template_ext: tuple[str, ...] = ()
    integer_fields: list = []
    # The operator's own keyword arguments and their defaults; the rest go to the base operators,
    # whose signatures refuse a keyword the provider does not take.
    operator_args: dict = {}
    # The arguments that accept only 'timestamp' and 'fail'.
    actions: tuple[str, ...] = ()

    def __init__(self, *, config: dict, **kwargs):
        own = {name: kwargs.pop(name, default) for name, default in self.operator_args.items()}
        super().__init__(**kwargs)
        self.config = config
        for name in self.actions:
            _check_action(name, own[name])
        self.init_args = own

    def _create_integer_fields(self) -> None:
        self.integer_fields = []

    def parse_integer(self, config, field) -> None:
        # The provider's recursion: lists are walked at any level, a missing key is skipped.
        if isinstance(config, list):
            for sub in config:
                self.parse_integer(sub, field)
            return
        head = field[0]
        if head not in config:
            return
        if len(field) == 1:
            config[head] = int(config[head])
        else:
            self.parse_integer(config[head], field[1:])

    def preprocess_config(self) -> dict | None:
        """The provider's preprocess_config without AWS: returns the popped S3Operations."""
        self._create_integer_fields()
        s3_operations = self.config.pop("S3Operations", None)
        for field in self.integer_fields:
            self.parse_integer(self.config, field)
        return s3_operations


def _check_action(name: str, value: str) -> None:
    if value not in ("fail", "timestamp"):
        raise ValueError(f"Argument {name} accepts only 'timestamp' and 'fail'. Provided value: '{value}'.")


# The arguments every waiting operator takes, with the provider's defaults.
_WAITING = dict(
    wait_for_completion=True,
    check_interval=CHECK_INTERVAL_SECOND,
    max_ingestion_time=None,
    deferrable=False,
)


class SageMakerProcessingOperator(SageMakerBaseOperator):
    operator_args = dict(_WAITING, print_log=True, max_attempts=None, action_if_job_exists="timestamp")
    actions = ("action_if_job_exists",)

    def _create_integer_fields(self) -> None:
        self.integer_fields = [
            ["ProcessingResources", "ClusterConfig", "InstanceCount"],
            ["ProcessingResources", "ClusterConfig", "VolumeSizeInGB"],
        ]
        if "StoppingCondition" in self.config:
            self.integer_fields.append(["StoppingCondition", "MaxRuntimeInSeconds"])


class SageMakerEndpointConfigOperator(SageMakerBaseOperator):
    def _create_integer_fields(self) -> None:
        self.integer_fields = [["ProductionVariants", "InitialInstanceCount"]]


class SageMakerEndpointOperator(SageMakerBaseOperator):
    operator_args = dict(_WAITING, operation="create")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if self.init_args["operation"].lower() not in ("create", "update"):
            raise ValueError('Invalid value! Argument operation has to be one of "create" and "update"')

    def _create_integer_fields(self) -> None:
        self.integer_fields = []
        if "EndpointConfig" in self.config:
            self.integer_fields = [["EndpointConfig", "ProductionVariants", "InitialInstanceCount"]]


class SageMakerTransformOperator(SageMakerBaseOperator):
    operator_args = dict(
        _WAITING,
        max_attempts=None,
        check_if_job_exists=True,
        action_if_job_exists="timestamp",
        check_if_model_exists=True,
        action_if_model_exists="timestamp",
    )
    actions = ("action_if_job_exists", "action_if_model_exists")

    def _create_integer_fields(self) -> None:
        self.integer_fields = [
            ["Transform", "TransformResources", "InstanceCount"],
            ["Transform", "MaxConcurrentTransforms"],
            ["Transform", "MaxPayloadInMB"],
        ]
        if "Transform" not in self.config:
            for field in self.integer_fields:
                field.pop(0)


class SageMakerTuningOperator(SageMakerBaseOperator):
    operator_args = dict(_WAITING)

    def preprocess_config(self) -> dict | None:
        s3_operations = super().preprocess_config()
        # The hook's check_tuning_config reads the one training definition's inputs: a
        # multi-algorithm config (TrainingJobDefinitions) or one without inputs is a KeyError.
        for channel in self.config["TrainingJobDefinition"]["InputDataConfig"]:
            channel["DataSource"]
        return s3_operations

    def _create_integer_fields(self) -> None:
        self.integer_fields = [
            ["HyperParameterTuningJobConfig", "ResourceLimits", "MaxNumberOfTrainingJobs"],
            ["HyperParameterTuningJobConfig", "ResourceLimits", "MaxParallelTrainingJobs"],
            ["TrainingJobDefinition", "ResourceConfig", "InstanceCount"],
            ["TrainingJobDefinition", "ResourceConfig", "VolumeSizeInGB"],
            ["TrainingJobDefinition", "StoppingCondition", "MaxRuntimeInSeconds"],
        ]


class SageMakerModelOperator(SageMakerBaseOperator):
    pass


class SageMakerTrainingOperator(SageMakerBaseOperator):
    operator_args = dict(
        _WAITING,
        print_log=True,
        max_attempts=None,
        check_if_job_exists=True,
        action_if_job_exists="timestamp",
    )
    actions = ("action_if_job_exists",)

    def _create_integer_fields(self) -> None:
        self.integer_fields = [
            ["ResourceConfig", "InstanceCount"],
            ["ResourceConfig", "VolumeSizeInGB"],
            ["StoppingCondition", "MaxRuntimeInSeconds"],
        ]
