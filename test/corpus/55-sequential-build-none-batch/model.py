"""Layers first, shape later: model.build((None, 20))."""
import keras
from keras import layers

mlp = keras.Sequential()
mlp.add(layers.Dense(64, activation="relu"))
mlp.add(layers.BatchNormalization())
mlp.add(layers.Dense(32, activation="relu"))
mlp.add(layers.Dense(3, activation="softmax"))
mlp.build((None, 20))
mlp.summary()
