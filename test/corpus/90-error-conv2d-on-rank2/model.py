"""A working model first; then Conv2D applied to a flat (rank-2) input, which Keras rejects."""
import keras
from keras import layers

ok_model = keras.Sequential([keras.Input(shape=(64,)), layers.Dense(8)])

flat = keras.Input(shape=(64,))
bad = layers.Conv2D(4, 3)(flat)
