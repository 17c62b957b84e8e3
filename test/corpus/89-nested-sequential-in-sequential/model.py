"""A Sequential used as a layer inside another Sequential (a reusable 'block')."""
import keras
from keras import layers

block = keras.Sequential(
    [layers.Dense(12, activation="relu"), layers.Dropout(0.1), layers.Dense(12)],
    name="block",
)

outer = keras.Sequential(name="outer")
outer.add(keras.Input(shape=(7,)))
outer.add(layers.Dense(12))
outer.add(block)
outer.add(layers.Dense(1))
outer.summary()
