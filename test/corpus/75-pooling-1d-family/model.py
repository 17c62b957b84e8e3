"""Conv1D with the 1D pooling family: max, average (same padding), global max."""
import keras
from keras import layers

signal = keras.Sequential(
    [
        keras.Input(shape=(100, 2)),
        layers.Conv1D(8, 7, strides=2, activation="relu"),   # (47, 8)
        layers.MaxPooling1D(3),                               # (15, 8)
        layers.Conv1D(16, 3, padding="same", dilation_rate=2),
        layers.AveragePooling1D(pool_size=4, strides=2, padding="same"),  # (8, 16)
        layers.Conv1D(16, 3, padding="causal"),
        layers.GlobalMaxPooling1D(),
        layers.Dense(4),
    ]
)
signal.summary()
