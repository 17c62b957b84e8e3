"""Reshape target that does not match the number of elements (12 -> 5x3), inside a Sequential list."""
from keras import Sequential, Input
from keras.layers import Dense, Reshape, Flatten

first = Sequential([Input(shape=(4, 3)), Flatten(), Dense(6)], name="first")
second = Sequential([Input(shape=(4, 3)), Flatten(), Reshape((5, 3))], name="second")
