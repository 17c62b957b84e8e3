"""tf.keras-era spellings rewritten for Keras 3: keras.models.Sequential, keras.layers.X, Input via
keras.layers.Input.
    # tf.keras original:  from tensorflow import keras; from tensorflow.keras import layers
"""
import keras
from keras import layers as L
from keras import models

clf = models.Sequential()
clf.add(L.Input(shape=(64,)))
clf.add(L.Dense(units=32, activation=keras.activations.relu))
clf.add(L.Dense(32, use_bias=False))
clf.add(L.BatchNormalization(momentum=0.9))
clf.add(L.Activation(keras.activations.relu))
clf.add(L.Dense(4, activation="softmax"))
clf.summary()
