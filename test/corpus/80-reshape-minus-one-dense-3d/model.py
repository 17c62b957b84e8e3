"""Reshape with -1 and Dense applied to a rank-3 tensor."""
import keras
from keras import layers

patches = keras.Sequential(
    [
        keras.Input(shape=(8, 8, 3)),
        layers.Reshape((-1, 12)),            # (16, 12)
        layers.Dense(5),                     # (16, 5): Dense acts on the last axis
        layers.Reshape((4, -1)),             # (4, 20)
        layers.Flatten(),
        layers.Dense(3),
    ]
)
patches.summary()
