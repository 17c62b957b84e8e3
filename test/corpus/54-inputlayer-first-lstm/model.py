"""An explicit InputLayer(shape=...) as the first entry of a Sequential list."""
import keras
from keras import layers

TIMESTEPS, FEATURES = 10, 6

forecaster = keras.Sequential(
    [
        layers.InputLayer(shape=(TIMESTEPS, FEATURES)),
        layers.LSTM(16, return_sequences=True),
        layers.LSTM(8),
        layers.Dense(1),
    ],
    name="forecaster",
)
forecaster.summary()
