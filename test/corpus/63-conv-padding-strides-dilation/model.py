"""Conv2D options: padding="same", strides, dilation_rate, use_bias=False, odd sizes."""
import keras
from keras import layers

inp = keras.Input(shape=(33, 29, 3))
x = layers.Conv2D(8, 3, strides=2, padding="same")(inp)           # ceil(33/2), ceil(29/2)
x = layers.Conv2D(8, (5, 3), strides=(2, 1))(x)                   # valid, asymmetric
x = layers.Conv2D(16, 3, dilation_rate=2, padding="valid")(x)     # effective kernel 5
x = layers.Conv2D(16, 3, dilation_rate=(2, 1), padding="same", use_bias=False)(x)
x = layers.BatchNormalization()(x)
x = layers.Activation("relu")(x)
x = layers.MaxPooling2D(pool_size=3, strides=2, padding="same")(x)
x = layers.Conv2D(4, 1, use_bias=False)(x)
out = layers.GlobalAveragePooling2D()(x)
convs = keras.Model(inp, out)
convs.summary()
