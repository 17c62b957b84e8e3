"""No input shape and no build(): summary() shows `?` shapes and `0 (unbuilt)` params."""
import keras
from keras import layers

pending = keras.Sequential(
    [
        layers.Dense(64, activation="relu"),
        layers.Dropout(0.2),
        layers.Activation("tanh"),
        layers.Flatten(),
        layers.BatchNormalization(),
        layers.Dense(10),
    ]
)
pending.summary()
