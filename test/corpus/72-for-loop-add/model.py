"""Layers added in a for loop; widths from powers of two."""
import keras
from keras import layers

DEPTH = 4

funnel = keras.Sequential()
funnel.add(keras.Input(shape=(100,)))
for i in range(DEPTH):
    funnel.add(layers.Dense(2 ** (DEPTH + 3 - i), activation="relu"))
    if i % 2 == 1:
        funnel.add(layers.Dropout(0.1))
funnel.add(layers.Dense(1))
funnel.summary()
