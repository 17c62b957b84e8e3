"""Bidirectional wrappers with merge_mode="sum" and the default concat."""
import keras
from keras import layers

bi = keras.Sequential(
    [
        keras.Input(shape=(12, 10)),
        layers.Bidirectional(layers.GRU(8, return_sequences=True), merge_mode="sum"),
        layers.Bidirectional(layers.LSTM(6, return_sequences=True)),
        layers.Bidirectional(layers.SimpleRNN(4), merge_mode="mul"),
        layers.Dense(3),
    ]
)
bi.summary()
