#!/usr/bin/env python3
"""Regenerates test/fixtures/summaries/*.txt: the exact text Keras 3 prints for model.summary().

Usage (the tests themselves never run Python):
    python3 -m venv /tmp/kvenv && /tmp/kvenv/bin/pip install keras==3.15.1 jax==0.10.2
    KERAS_BACKEND=jax COLUMNS=200 /tmp/kvenv/bin/python scripts/capture-summaries.py

COLUMNS=200 makes Keras use its wide-terminal default line length (88, or 108 with
"Connected to"), which is what keras-lens reproduces. All models are built in one process,
in this order, so the automatic names (dense_1, functional_2, ...) are stable.
The matching NAME.json files (the rows as typed from these printouts) are maintained by hand.
"""

import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("COLUMNS", "200")

import keras  # noqa: E402
from keras import layers  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "summaries")


def capture(model, **kwargs):
    # summary() hands print_fn the whole captured console text in one call.
    chunks = []
    model.summary(print_fn=lambda text, line_break=True: chunks.append(text), **kwargs)
    return "".join(chunks)


def mnist_cnn():
    return keras.Sequential([
        keras.Input((28, 28, 1)),
        layers.Conv2D(32, (3, 3), activation="relu"),
        layers.MaxPooling2D((2, 2)),
        layers.Conv2D(64, (3, 3), activation="relu"),
        layers.MaxPooling2D((2, 2)),
        layers.Flatten(),
        layers.Dropout(0.5),
        layers.Dense(10, activation="softmax"),
    ])


def unbuilt():
    return keras.Sequential([layers.Dense(64, activation="relu"), layers.Dropout(0.5), layers.Dense(10)])


def batchnorm():
    return keras.Sequential([
        keras.Input((32,)),
        layers.Dense(64, use_bias=False),
        layers.BatchNormalization(),
        layers.Activation("relu"),
        layers.Dense(1),
    ], name="bn_mlp")


def two_tower():
    # Multi-input Concatenate, a layer shared by two calls, an Add, a nested Sequential, a 1-D input.
    a = keras.Input((16,), name="left")
    b = keras.Input((16,), name="right")
    ids = keras.Input((), dtype="int32", name="ids")
    shared = layers.Dense(8, activation="relu", name="shared_tower")
    ha, hb = shared(a), shared(b)
    emb = layers.Embedding(100, 8)(ids)
    merged = layers.Concatenate()([ha, hb])
    head = keras.Sequential([layers.Dense(8), layers.Dense(8)], name="head")
    summed = layers.Add()([head(merged), emb])
    out = layers.Dense(1, activation="sigmoid")(summed)
    return keras.Model([a, b, ids], out, name="two_tower")


def residual():
    inp = keras.Input((32, 32, 3))
    x = layers.Conv2D(16, 3, padding="same", use_bias=False)(inp)
    x = layers.BatchNormalization()(x)
    x = layers.ReLU()(x)
    y = layers.DepthwiseConv2D(3, padding="same")(x)
    y = layers.Conv2D(16, 1)(y)
    z = layers.Add()([x, y])
    z = layers.GlobalAveragePooling2D()(z)
    out = layers.Dense(10, name="classifier_output_with_a_really_long_name")(z)
    return keras.Model(inp, out, name="res")


def long_names():
    return keras.Sequential([
        keras.Input((8, 8, 3)),
        layers.Conv2D(4, 3),
        layers.GlobalAveragePooling2D(),
        layers.Dense(3, name="a_custom_layer_name_that_is_far_too_long_for_the_column"),
    ])


def lstm_state():
    inp = keras.Input((10, 4))
    out, h, c = layers.LSTM(32, return_state=True)(inp)
    return keras.Model(inp, [out, h, c])


def text_bilstm():
    inputs = keras.Input((None,), dtype="int32")
    x = layers.Embedding(20000, 128)(inputs)
    x = layers.Bidirectional(layers.LSTM(64, return_sequences=True))(x)
    x = layers.Bidirectional(layers.LSTM(64))(x)
    outputs = layers.Dense(1, activation="sigmoid")(x)
    return keras.Model(inputs, outputs)


def big_mlp():
    return keras.Sequential([keras.Input((4096,)), layers.Dense(4096), layers.Dense(4096), layers.Dense(1000)])


# (fixture name, builder, summary() keyword arguments)
CASES = [
    ("mnist_cnn", mnist_cnn, {}),
    ("unbuilt", unbuilt, {}),
    ("batchnorm", batchnorm, {}),
    ("two_tower", two_tower, {}),
    ("residual", residual, {}),
    ("long_names", long_names, {}),
    ("lstm_state", lstm_state, {}),
    ("text_bilstm", text_bilstm, {}),
    ("big_mlp", big_mlp, {}),
]


def main():
    os.makedirs(OUT, exist_ok=True)
    only = set(sys.argv[1:])
    models = {}
    for name, build, kwargs in CASES:
        models[name] = build()
    # Narrow variants check the lineLength option against the same models.
    extra = [("two_tower_76", models["two_tower"], {"line_length": 76}),
             ("mnist_cnn_76", models["mnist_cnn"], {"line_length": 76})]
    for name, model, kwargs in [(n, models[n], k) for n, _, k in CASES] + extra:
        if only and name not in only:
            continue
        text = capture(model, **kwargs)
        with open(os.path.join(OUT, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(text)
        print(text)


if __name__ == "__main__":
    main()
