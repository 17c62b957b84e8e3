"""Every layer gets name=, including the Input; the model too."""
import keras
from keras import layers

pixels = keras.Input(shape=(28, 28), name="pixels")
x = layers.Reshape((28, 28, 1), name="add_channel")(pixels)
x = layers.Conv2D(4, 5, name="conv_a")(x)
x = layers.MaxPooling2D(name="pool_a")(x)
x = layers.Flatten(name="flat")(x)
x = layers.Dense(20, activation="relu", name="hidden")(x)
probs = layers.Dense(10, activation="softmax", name="probs")(x)
digits = keras.Model(inputs=pixels, outputs=probs, name="digits")
digits.summary()
