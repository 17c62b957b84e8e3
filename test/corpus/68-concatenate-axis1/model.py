"""Concatenate(axis=1) joins two sequences along time; the default axis=-1 joins features."""
import keras
from keras import layers

past = keras.Input(shape=(6, 4), name="past")
future = keras.Input(shape=(3, 4), name="future")
timeline = layers.Concatenate(axis=1)([past, future])       # (None, 9, 4)
feats = layers.Concatenate()([timeline, timeline])          # (None, 9, 8)
x = layers.SimpleRNN(5)(feats)
out = layers.Dense(2)(x)
joiner = keras.Model(inputs=[past, future], outputs=out)
joiner.summary()
