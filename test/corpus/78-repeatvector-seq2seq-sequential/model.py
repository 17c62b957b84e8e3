"""RepeatVector between an encoder LSTM and a decoder LSTM; Dense applied per timestep."""
import keras
from keras import layers

IN_STEPS, OUT_STEPS, CHARS = 7, 4, 12

copier = keras.Sequential()
copier.add(layers.Input((IN_STEPS, CHARS)))
copier.add(layers.LSTM(20))
copier.add(layers.RepeatVector(OUT_STEPS))
copier.add(layers.LSTM(20, return_sequences=True))
copier.add(layers.Dense(CHARS, activation="softmax"))
copier.summary()
