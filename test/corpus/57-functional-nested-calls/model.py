"""Functional API written as nested calls: layers.Dense(10)(layers.Flatten()(x))."""
import keras
from keras import layers

x = keras.Input(shape=(8, 8, 4))
logits = layers.Dense(10)(layers.Dropout(0.1)(layers.Flatten()(layers.Conv2D(6, 3)(x))))
model = keras.Model(x, logits)
model.summary()
