"""Q&A example 1: why does a 28x28 image classifier have 7,850 parameters?

A Flatten layer has no weights: it only unrolls each (1, 28, 28) image into a
vector of 1 * 28 * 28 = 784 numbers. The Dense layer that follows connects every
one of those 784 inputs to each of its 10 units, plus one bias per unit:

    10 x (784 + 1) = 7,850

Activation('softmax') just squashes the 10 outputs into probabilities, so it
adds no parameters either.
"""
import keras
from keras.layers import Activation, Dense, Flatten

model = keras.Sequential()
# input_shape describes ONE sample (the batch size is left out, shown as None).
model.add(Flatten(input_shape=(1, 28, 28)))   # (None, 784)      0 params
model.add(Dense(10))                          # (None, 10)   7,850 params
model.add(Activation("softmax"))              # (None, 10)       0 params

model.summary()
