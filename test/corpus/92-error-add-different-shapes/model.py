"""Add() of tensors whose feature sizes differ (16 vs 8)."""
import keras
from keras import layers

x = keras.Input(shape=(32,))
a = layers.Dense(16)(x)
b = layers.Dense(8)(x)
fine = keras.Model(x, layers.Concatenate()([a, b]))

summed = layers.Add()([a, b])
