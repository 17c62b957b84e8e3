"""keras.Input with a fixed batch_size: the batch dimension is printed as a number, not None."""
import keras
from keras import layers

BATCH = 8

stateful = keras.Sequential(
    [
        keras.Input(shape=(5, 3), batch_size=BATCH),
        layers.GRU(4, return_sequences=True),
        layers.Flatten(),
        layers.Dense(2),
    ]
)
stateful.summary()
