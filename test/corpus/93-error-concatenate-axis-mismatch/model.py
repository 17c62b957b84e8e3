"""Concatenate along the last axis of sequences with different lengths."""
import keras
from keras import layers

seq_a = keras.Input(shape=(10, 4))
seq_b = keras.Input(shape=(12, 4))
pooled = keras.Model(
    [seq_a, seq_b],
    layers.Concatenate()([layers.GlobalAveragePooling1D()(seq_a), layers.GlobalAveragePooling1D()(seq_b)]),
)
joined = layers.Concatenate(axis=-1)([seq_a, seq_b])
