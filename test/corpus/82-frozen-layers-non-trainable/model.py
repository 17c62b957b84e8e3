"""trainable=False layers move their weights to the non-trainable total; BatchNorm always has some."""
import keras
from keras import layers

base = layers.Dense(20, name="frozen_base")
head = layers.Dense(3, name="head")

inp = keras.Input(shape=(10,))
x = base(inp)
x = layers.BatchNormalization(name="bn")(x)
out = head(x)
tuned = keras.Model(inp, out)
base.trainable = False
tuned.summary()
