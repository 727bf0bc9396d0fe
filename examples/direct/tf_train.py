# The training script of examples/direct.ts (the SageMaker TensorFlow Airflow page's tf_train.py).
# `direct.fit` stages it as sourcedir.tar.gz, as the Python SDK's estimator.fit does; the local
# SageMaker endpoint never runs it (its jobs complete on a simulated clock), a real job would.
import argparse
import os

import tensorflow as tf

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--model_dir", type=str)
    args, _ = parser.parse_known_args()

    train = os.environ.get("SM_CHANNEL_TRAINING", "/opt/ml/input/data/training")
    data = tf.data.experimental.make_csv_dataset(
        os.path.join(train, "train.csv"), batch_size=32, label_name="label", num_epochs=args.epochs
    )
    model = tf.keras.Sequential([tf.keras.layers.Dense(16, activation="relu"), tf.keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    model.fit(data.map(lambda x, y: (tf.stack(list(x.values()), axis=1), y)))
    model.save(os.path.join(os.environ.get("SM_MODEL_DIR", "/opt/ml/model"), "1"))
