"""Two functional models over one graph: the full classifier and a feature extractor that stops
at an intermediate tensor. Both summaries share layer objects."""
import keras
from keras import layers

inputs = keras.Input(shape=(20,), name="features")
h1 = layers.Dense(16, activation="relu", name="h1")(inputs)
h2 = layers.Dense(8, activation="relu", name="h2")(h1)
outputs = layers.Dense(2, activation="softmax", name="out")(h2)

classifier = keras.Model(inputs=inputs, outputs=outputs, name="classifier")
extractor = keras.Model(inputs=classifier.input, outputs=classifier.get_layer("h2").output, name="extractor")
extractor.summary()
