"""Several models in one file: an encoder, a classifier built from the encoder's layers,
and a functional model that nests the encoder as a single layer."""
import keras
from keras import layers

encoder = keras.Sequential(
    [
        keras.Input(shape=(32,)),
        layers.Dense(16, activation="relu"),
        layers.Dense(8, activation="relu"),
    ],
    name="encoder",
)

# A second Sequential made of the very same layer objects, plus a new head.
classifier = keras.Sequential(encoder.layers + [layers.Dense(4, activation="softmax")], name="classifier")

# The encoder used as one layer inside a functional model.
raw = keras.Input(shape=(32,), name="raw")
code = encoder(raw)
recon = layers.Dense(32, name="recon")(code)
autoencoder = keras.Model(raw, recon, name="autoencoder")

autoencoder.summary()
