"""data_format="channels_first" convolutions and pooling, with BatchNormalization(axis=1)."""
import keras
from keras import layers

cf = keras.Sequential(
    [
        keras.Input(shape=(3, 24, 20)),  # (channels, height, width)
        layers.Conv2D(8, 3, data_format="channels_first"),
        layers.BatchNormalization(axis=1),
        layers.MaxPooling2D(2, data_format="channels_first"),
        layers.Conv2D(12, 3, padding="same", data_format="channels_first"),
        layers.AveragePooling2D(2, data_format="channels_first"),
        layers.Reshape((12, 20)),  # (12, 5, 4) -> 12 channels x 20 steps
        layers.Conv1D(6, 3, data_format="channels_first"),
        layers.GlobalAveragePooling1D(data_format="channels_first"),
        layers.Dense(2),
    ]
)
cf.summary()
