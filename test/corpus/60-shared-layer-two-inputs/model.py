"""One Dense object called on two inputs (shared weights); the inputs differ in length, so the
shared layer has two output shapes and the summary shows the one from its LAST call."""
import keras
from keras import layers

short_seq = keras.Input(shape=(5, 8), name="short_seq")
long_seq = keras.Input(shape=(7, 8), name="long_seq")

shared_proj = layers.Dense(4, name="shared_proj")
a = shared_proj(short_seq)
b = shared_proj(long_seq)

a = layers.GlobalAveragePooling1D()(a)
b = layers.GlobalAveragePooling1D()(b)
merged = layers.Add()([a, b])
out = layers.Dense(1)(merged)

siamese = keras.Model([short_seq, long_seq], out)
siamese.summary()
