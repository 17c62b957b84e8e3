"""Unknown spatial sizes: Input(shape=(None, None, 3)) and a variable-length Conv1D."""
import keras
from keras import layers

any_image = keras.Input(shape=(None, None, 3))
x = layers.Conv2D(8, 3, strides=2, padding="same")(any_image)
x = layers.MaxPooling2D()(x)
x = layers.GlobalAveragePooling2D()(x)
fcn = keras.Model(any_image, layers.Dense(5)(x))

tokens = keras.Input(shape=(None, 16))
y = layers.Conv1D(8, 5)(tokens)
y = layers.MaxPooling1D(2)(y)
y = layers.Bidirectional(layers.GRU(4, return_sequences=True))(y)
y = layers.GlobalMaxPooling1D()(y)
varlen = keras.Model(tokens, layers.Dense(1)(y))
fcn.summary()
varlen.summary()
