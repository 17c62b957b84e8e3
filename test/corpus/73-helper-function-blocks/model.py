"""A helper function that takes and returns a tensor, called in a loop."""
import keras
from keras import layers


def conv_block(x, filters, pool=True):
    x = layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization()(x)
    x = layers.Activation("relu")(x)
    if pool:
        x = layers.MaxPooling2D()(x)
    return x


inputs = keras.Input(shape=(32, 32, 3))
x = inputs
for filters in (8, 16, 32):
    x = conv_block(x, filters)
x = conv_block(x, 32, pool=False)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10)(x)
blocks = keras.Model(inputs, outputs)
blocks.summary()
